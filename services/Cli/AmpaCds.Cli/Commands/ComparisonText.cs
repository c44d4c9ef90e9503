using System.Globalization;
using AmpaCds.Prediction.Evaluation;
using AmpaCds.Prediction.Model;
using AmpaCds.Research.ModelEvaluation;

namespace AmpaCds.Cli.Commands;

/// <summary>The human-readable form of `ampacds model train`: one line per trainer, then the verdict and the model.</summary>
internal static class ComparisonText
{
    public static void Print(ModelComparisonReport report, ModelCard card, string? registry, bool activated)
    {
        var o = Console.Out;
        o.WriteLine($"cohort: {report.CohortSize} ketamine-treated TRD patients, {report.ResponderShare:P0} responders; {report.Scheme}, seed {report.Seed}");
        o.WriteLine($"{"trainer",-28} {"AUC (95% CI)",-20} {"bal. acc.",-20} {"Brier",-20} {"cal. slope",-20}");
        foreach (var candidate in report.Candidates.Append(report.ClinicalBaseline))
        {
            Row(candidate.Name, candidate.Metrics);
        }

        Row("nested (chosen per fold)", report.Nested);
        o.WriteLine($"AUC gain over clinical-only: {F(report.AucGainOverClinicalBaseline.Value)} (95% CI {F(report.AucGainOverClinicalBaseline.Lower)} to {F(report.AucGainOverClinicalBaseline.Upper)})");
        o.WriteLine($"permutation test ({report.Permutation.Candidate}, {report.Permutation.Permutations} permutations): observed AUC {F(report.Permutation.ObservedAuc)}, " +
                    $"null mean {F(report.Permutation.NullMeanAuc)}, p = {F(report.Permutation.PValue)}");
        o.WriteLine($"verdict: {report.Verdict}");
        o.WriteLine($"model: {card.Summary}");
        if (registry is not null)
        {
            o.WriteLine($"registered in {Path.GetFullPath(registry)}{(activated ? " and activated" : "")}");
        }

        o.WriteLine($"took {report.Duration.TotalSeconds.ToString("0.0", CultureInfo.InvariantCulture)} s");
    }

    private static void Row(string name, MetricSummary m) =>
        Console.Out.WriteLine($"{name,-28} {Cell(m.Auc),-20} {Cell(m.BalancedAccuracy),-20} {Cell(m.Brier),-20} {Cell(m.CalibrationSlope),-20}");

    private static string Cell(MetricEstimate e) => $"{F(e.Value)} ({F(e.Lower)}-{F(e.Upper)})";

    private static string F(double value) => value.ToString("0.000", CultureInfo.InvariantCulture);
}
