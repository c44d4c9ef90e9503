using System.Globalization;
using AmpaCds.Reporting.Research;

namespace AmpaCds.Reporting.Tests.Research;

/// <summary>Analyses as `cohort analyze --json` shapes them, small enough to read in a test.</summary>
public static class ResearchAnalyses
{
    public const string CohortHash = "3f6c1a0e9b2d4c8f7a5e6d1b0c9f8e7d6a5b4c3d2e1f0a9b8c7d6e5f4a3b2c1d";

    /// <summary>Two regions: parietal higher in TRD (significant), putamen lower; q adjusted given when <paramref name="covariates"/>.</summary>
    public static string ResultJson(bool covariates = false) => string.Create(CultureInfo.InvariantCulture, $$"""
        {
          "counts": { "healthy": 49, "trd": 34, "ketamine": 17, "placebo": 17, "ketamineWithFollowUp": 17, "placeboWithFollowUp": 16 },
          "covariates": {{(covariates ? "true" : "false")}},
          "fdrLevel": 0.05,
          "groupComparison": [
            { "region": "parietal_cortex", "countA": 34, "countB": 49, "meanA": 1.21, "meanB": 1.17, "difference": 0.04, "t": 2.9, "df": 70.2, "p": 0.0046,
              "q": 0.0166, "g": 0.6612, "gLower": 0.2094, "gUpper": 1.1131{{(covariates ? ", \"adjustedQ\": 0.0251" : ", \"adjustedQ\": null")}} },
            { "region": "putamen", "countA": 34, "countB": 49, "meanA": 1.30, "meanB": 1.35, "difference": -0.05, "t": -1.1, "df": 66.0, "p": 0.27,
              "q": 0.372, "g": -0.2649, "gLower": -0.7031, "gUpper": 0.1733{{(covariates ? ", \"adjustedQ\": 0.41" : "")}} }
          ],
          "severity": null,
          "notes": []
        }
        """);

    /// <summary>A PNG signature followed by <paramref name="size"/> − 8 bytes of a pattern: enough for the gateway, which checks the signature.</summary>
    public static byte[] Png(int size, byte seed = 1)
    {
        var bytes = new byte[size];
        byte[] signature = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A];
        signature.CopyTo(bytes, 0);
        for (var i = signature.Length; i < size; i++)
        {
            bytes[i] = (byte)((i * 31) + seed);
        }
        return bytes;
    }

    /// <summary>The plots out of alphabetical order, so that keeping the published order is seen.</summary>
    public static NewResearchAnalysis New(string title = "Study cohort, seed 7", bool covariates = false) =>
        new(title, CohortHash, "<!DOCTYPE html><html><body><h1>Cohort analysis</h1><img src=\"group-comparison.png\"></body></html>",
            ResultJson(covariates), [new ResearchPlot("severity", Png(1500, seed: 2)), new ResearchPlot("group-comparison", Png(2000))]);
}
