using System.CommandLine;
using AmpaCds.Cli.Analysis;
using AmpaCds.Cli.Connection;
using AmpaCds.Cli.Output;
using AmpaCds.Domain.Cohorts;
using AmpaCds.Quantification;
using AmpaCds.Quantification.Pipeline;
using AmpaCds.Reporting.Localization;
using AmpaCds.Research.Analytics.Cohort;

namespace AmpaCds.Cli.Commands;

/// <summary>
/// `ampacds cohort analyze --cohort FILE [--out DIR] [--covariates] [--json] [--lang en|ja] [--maps DIR] [--publish --server URL
/// [--title TEXT]]`: the study's regional analyses (docs/ANALYTICS.md) as CSV/JSON tables, PNG plots and summary.html,
/// voxel-wise maps from --maps, and with --publish the summary, plots and result sent to the portal's research page.
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
        var publish = new Option<bool>("--publish")
        {
            Description = "Also publish the summary, plots and result to the Reporting gateway's research page (role researcher; token from --token or AMPACDS_TOKEN)",
        };
        var server = new Option<string>("--server") { Description = "Reporting gateway address for --publish", DefaultValueFactory = _ => ReportCommand.DefaultServer };
        var title = new Option<string?>("--title") { Description = "Title of the published analysis (default: the cohort file's name)" };
        var command = new Command("analyze", "TRD vs controls, severity, ketamine change, ketamine vs placebo and baseline prediction per region")
        {
            cohort, output, covariates, json, language, maps, publish, server, title,
        };
        command.SetAction((parse, cancellation) => CliRunner.RunAsync(async () =>
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

            // Made before the analysis, so a malformed --server stops before any work.
            var connection = parse.GetValue(publish) ? ConnectionOptions.For(parse, parse.GetValue(server)!) : null;
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

            string? published = null;
            if (connection is not null)
            {
                published = await PublishAsync(connection, parse.GetValue(title) ?? Path.GetFileName(path), path, result, parse.GetValue(output), ui, cancellation);
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

            if (published is not null)
            {
                // On stderr with --json, so the JSON on stdout stays parseable.
                (parse.GetValue(json) ? Console.Error : Console.Out).WriteLine($"published as analysis {published}");
            }

            return 0;
        }));
        return command;
    }

    /// <summary>Publishes what --out holds, or, without --out, what is written to a temporary folder for the purpose.</summary>
    private static async Task<string> PublishAsync(ServiceConnection connection, string title, string path, CohortAnalysisResult result, string? output,
        UiLanguage language, CancellationToken cancellation)
    {
        var folder = output ?? Directory.CreateTempSubdirectory("ampacds-analysis-").FullName;
        try
        {
            if (output is null)
            {
                Write(result, folder, language);
            }
            return await AnalysisPublication.PublishAsync(connection, title, path, result, AnalysisSections.From(result), folder, cancellation);
        }
        finally
        {
            if (output is null)
            {
                Directory.Delete(folder, recursive: true);
            }
        }
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
