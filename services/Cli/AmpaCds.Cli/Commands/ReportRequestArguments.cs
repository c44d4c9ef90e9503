using AmpaCds.Cli.Output;
using AmpaCds.Contracts.Reporting;
using AmpaCds.Reporting.Localization;

namespace AmpaCds.Cli.Commands;

/// <summary>
/// The checked form of `report`'s --format, --lang and --out, validated before any connection is opened so a usage
/// mistake answers at once with exit 2 and the allowed values.
/// </summary>
public sealed record ReportRequestArguments(ReportFormat Format, string Language, string? OutputFile)
{
    public static ReportRequestArguments Parse(string format, string? language, string? outputFile)
    {
        var parsedFormat = format switch
        {
            "json" => ReportFormat.Json,
            "html" => ReportFormat.Html,
            "pdf" => ReportFormat.Pdf,
            _ => throw new CliFailure($"unknown --format '{format}': use json, html or pdf", CliRunner.InputError),
        };
        var codes = string.Join(" or ", UiLanguages.All.Select(value => value.Code()));
        var parsedLanguage = string.IsNullOrWhiteSpace(language)
            ? UiLanguage.English
            : UiLanguages.All.Cast<UiLanguage?>().FirstOrDefault(value => value!.Value.Code() == language.Trim().ToLowerInvariant())
              ?? throw new CliFailure($"unknown --lang '{language}': use {codes}", CliRunner.InputError);
        if (parsedFormat == ReportFormat.Pdf && string.IsNullOrWhiteSpace(outputFile))
        {
            // A PDF is binary: written to a terminal it would only garble it.
            throw new CliFailure("--format pdf needs --out FILE", CliRunner.InputError);
        }
        return new ReportRequestArguments(parsedFormat, parsedLanguage.Code(), string.IsNullOrWhiteSpace(outputFile) ? null : outputFile);
    }
}
