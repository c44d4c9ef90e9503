using System.CommandLine;
using AmpaCds.Cli.Analysis;
using AmpaCds.Cli.Output;
using AmpaCds.Domain.Cohorts;
using AmpaCds.Quantification;
using AmpaCds.Quantification.Pipeline;
using AmpaCds.Reporting.Localization;
using AmpaCds.Research.Analytics.Cohort;

namespace AmpaCds.Cli.Commands;

/// <summary>
/// `ampacds cohort analyze --cohort FILE [--out DIR] [--covariates] [--json] [--lang en|ja] [--maps DIR]`: the study's
/// regional analyses (docs/ANALYTICS.md) as CSV/JSON tables, PNG plots and summary.html, and voxel-wise maps from --maps.
/// </summary>
public static class CohortAnalyzeCommand
{
    public static Command Create()
    {
        var cohort = new Option<string>("--cohort") { Description = "Cohort CSV (shared/Domain/Cohorts/COHORT_SCHEMA.md)", Required = true };
        var output = new Option<string?>("--out") { Description = "Folder for the tables, plots and summary.html" };
        var covariates = new Option<bool>("--covariates") { Description = "Also test TRD vs controls adjusted for age and sex (linear model)" };
        var json = new Option<bool>("--json") { Description = "Print the whole analysis as JSON" };
        var language = new Option<string>("--lang") { Description = "Language of the plots and summary: en or ja", DefaultValueFactory = _ => "en" };
        var maps = new Option<string?>("--maps")
        {
            Description = "Folder of template-space SUVR maps, <subject_id>.nii.gz (`cohort measure --maps`): adds voxel-wise t and r maps with cluster tables (needs --out)",
        };
        var command = new Command("analyze", "TRD vs controls, severity, ketamine change, ketamine vs placebo and baseline prediction per region")
        {
            cohort, output, covariates, json, language, maps,
        };
        command.SetAction((parse, _) => CliRunner.RunAsync(() =>
        {
            var path = parse.GetValue(cohort)!;
            var ui = UiLanguages.Parse(parse.GetValue(language))
                ?? throw new CliFailure($"unknown --lang '{parse.GetValue(language)}': use en or ja", CliRunner.InputError);
            if (!File.Exists(path))
            {
                throw new CliFailure($"cohort file {path} not found", CliRunner.InputError);
            }

            if (parse.GetValue(maps) is not null && parse.GetValue(output) is null)
            {
                throw new CliFailure("--maps needs --out DIR for the NIfTI maps and cluster tables", CliRunner.InputError);
            }

            var rows = Read(path);
            var result = Analyze(path, rows, parse.GetValue(covariates));
            if (parse.GetValue(output) is { } folder)
            {
                Write(result, folder, ui);
                if (parse.GetValue(maps) is { } mapsFolder)
                {
                    var atlas = QuantificationReference.BuiltIn(new QuantificationOptions().TemplateSmoothingFwhmMm).Atlas;
                    VoxelwiseOutputs.Write(rows, mapsFolder, atlas, folder, result.FdrLevel);
                }
            }

            if (parse.GetValue(json))
            {
                JsonOutput.Print(result);
            }
            else
            {
                var significant = result.GroupComparison.Count(row => (row.AdjustedQ ?? row.Q) < result.FdrLevel);
                Console.Out.WriteLine(
                    $"analysed {result.Counts.Trd} TRD and {result.Counts.Healthy} healthy subjects: {significant} of {result.GroupComparison.Count} regions differ (q < {result.FdrLevel})" +
                    (parse.GetValue(output) is { } written ? $"; tables, plots and {AnalysisSummaryHtml.FileName} in {Path.GetFullPath(written)}" : ""));
            }

            return Task.FromResult(0);
        }));
        return command;
    }

    private static IReadOnlyList<CohortRow> Read(string path)
    {
        try
        {
            return CohortCsv.Read(path);
        }
        catch (CohortCsvFormatException error)
        {
            throw new CliFailure($"{path}: {error.Message}", CliRunner.InputError);
        }
    }

    private static CohortAnalysisResult Analyze(string path, IReadOnlyList<CohortRow> rows, bool covariates)
    {
        try
        {
            return CohortAnalysis.Run(rows, covariates);
        }
        catch (CohortAnalysisException error)
        {
            throw new CliFailure($"{path}: {error.Message}", CliRunner.InputError);
        }
    }

    public static void Write(CohortAnalysisResult result, string folder, UiLanguage language)
    {
        ArgumentNullException.ThrowIfNull(result);
        Directory.CreateDirectory(folder);
        var sections = AnalysisSections.From(result);
        foreach (var section in sections.Where(section => section.Rows is not null))
        {
            AnalysisTables.Write(section, folder);
            AnalysisPlots.Write(section, Path.Combine(folder, section.Name + ".png"), result.FdrLevel, language);
        }

        File.WriteAllText(Path.Combine(folder, AnalysisSummaryHtml.FileName), AnalysisSummaryHtml.Render(result, sections, language));
    }
}
