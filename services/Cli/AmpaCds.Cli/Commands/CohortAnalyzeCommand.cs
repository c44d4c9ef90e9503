using System.CommandLine;
using AmpaCds.Cli.Analysis;
using AmpaCds.Cli.Output;
using AmpaCds.Domain.Cohorts;
using AmpaCds.Reporting.Localization;
using AmpaCds.Research.Analytics.Cohort;

namespace AmpaCds.Cli.Commands;

/// <summary>
/// `ampacds cohort analyze --cohort FILE [--out DIR] [--covariates] [--json] [--lang en|ja]`: the study's regional
/// analyses (docs/ANALYTICS.md) as CSV/JSON tables, PNG plots and summary.html.
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
        var command = new Command("analyze", "TRD vs controls, severity, ketamine change, ketamine vs placebo and baseline prediction per region")
        {
            cohort, output, covariates, json, language,
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

            var result = Analyze(path, parse.GetValue(covariates));
            if (parse.GetValue(output) is { } folder)
            {
                Write(result, folder, ui);
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

    private static CohortAnalysisResult Analyze(string path, bool covariates)
    {
        try
        {
            return CohortAnalysis.Run(CohortCsv.Read(path), covariates);
        }
        catch (Exception error) when (error is CohortCsvFormatException or CohortAnalysisException)
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
