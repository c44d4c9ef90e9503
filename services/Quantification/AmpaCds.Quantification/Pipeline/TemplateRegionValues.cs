using System.Text.Json;
using System.Text.Json.Serialization;

namespace AmpaCds.Quantification.Pipeline;

/// <summary>
/// The regional values the built-in template is painted from, read from a data file shipped with the service
/// (ReferenceData/k2-template-regions.json) so production code does not depend on the research effect model.
/// </summary>
public static class TemplateRegionValues
{
    public const string BuiltInFileName = "k2-template-regions.json";

    public static string BuiltInPath => Path.Combine(AppContext.BaseDirectory, "ReferenceData", BuiltInFileName);

    /// <summary>Region id to healthy-control mean SUV.</summary>
    public static IReadOnlyDictionary<string, double> Load(string? path = null)
    {
        path ??= BuiltInPath;
        try
        {
            using var stream = File.OpenRead(path);
            var file = JsonSerializer.Deserialize<TemplateRegionsFile>(stream);
            return file?.HealthyMeanSuv is { Count: > 0 } values && values.Values.All(value => double.IsFinite(value) && value > 0)
                ? values
                : throw new QuantificationException($"template region file '{path}' has no positive healthyMeanSuv values");
        }
        catch (Exception error) when (error is IOException or JsonException or UnauthorizedAccessException)
        {
            throw new QuantificationException($"template region file '{path}' unusable: {error.Message}", error);
        }
    }

    private sealed record TemplateRegionsFile(
        [property: JsonPropertyName("healthyMeanSuv")] Dictionary<string, double>? HealthyMeanSuv);
}
