using System.Globalization;
using System.Text.Json;

namespace AmpaCds.Reporting.Research;

/// <summary>
/// What the research page shows of an analysis: the cohort's counts and the TRD vs healthy table, read from the result
/// JSON as `cohort analyze --json` writes it (camelCase; NaN as a string). The gateway does not reference the research
/// code, so it reads the few fields it shows by name.
/// </summary>
public sealed record ResearchHeadline(ResearchCounts Counts, double FdrLevel, bool Covariates, IReadOnlyList<HeadlineRegion> Regions)
{
    /// <exception cref="ResearchAnalysisException">Not JSON, or without the counts, FDR level and group comparison.</exception>
    public static ResearchHeadline Parse(string resultJson)
    {
        ArgumentNullException.ThrowIfNull(resultJson);
        try
        {
            using var document = JsonDocument.Parse(resultJson);
            var root = document.RootElement;
            var counts = Property(root, "counts");
            var rows = Property(root, "groupComparison");
            if (rows.ValueKind != JsonValueKind.Array)
            {
                throw new ResearchAnalysisException("result_json: groupComparison is not a list");
            }
            return new ResearchHeadline(
                new ResearchCounts(Count(counts, "healthy"), Count(counts, "trd"), Count(counts, "ketamine"), Count(counts, "placebo"),
                    Count(counts, "ketamineWithFollowUp"), Count(counts, "placeboWithFollowUp")),
                Number(root, "fdrLevel"),
                root.TryGetProperty("covariates", out var covariates) && covariates.ValueKind == JsonValueKind.True,
                [.. rows.EnumerateArray().Select(Region)]);
        }
        catch (JsonException error)
        {
            throw new ResearchAnalysisException($"result_json is not the JSON of `cohort analyze --json`: {error.Message}");
        }
    }

    private static HeadlineRegion Region(JsonElement row)
    {
        var region = Property(row, "region").GetString() ?? throw new ResearchAnalysisException("result_json: a groupComparison row has no region");
        return new HeadlineRegion(region, Number(row, "difference"), Number(row, "g"), Number(row, "gLower"), Number(row, "gUpper"), Number(row, "q"),
            row.TryGetProperty("adjustedQ", out var adjusted) && adjusted.ValueKind != JsonValueKind.Null ? Value(adjusted, "adjustedQ") : null);
    }

    private static JsonElement Property(JsonElement element, string name) =>
        element.ValueKind == JsonValueKind.Object && element.TryGetProperty(name, out var value)
            ? value
            : throw new ResearchAnalysisException($"result_json has no '{name}'");

    private static int Count(JsonElement counts, string name) =>
        Property(counts, name).TryGetInt32(out var count) ? count : throw new ResearchAnalysisException($"result_json: counts.{name} is not a whole number");

    private static double Number(JsonElement element, string name) => Value(Property(element, name), name);

    /// <summary>A number, or "NaN"/"Infinity" as the CLI writes values that have none.</summary>
    private static double Value(JsonElement value, string name) => value.ValueKind switch
    {
        JsonValueKind.Number => value.GetDouble(),
        JsonValueKind.String when double.TryParse(value.GetString(), NumberStyles.Float, CultureInfo.InvariantCulture, out var named) => named,
        _ => throw new ResearchAnalysisException($"result_json: '{name}' is not a number"),
    };
}
