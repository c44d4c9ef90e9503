using AmpaCds.Domain.Cohorts;

namespace AmpaCds.Prediction.Features;

/// <summary>
/// The ordered features of a model: one SUVR per region (named "suvr_&lt;region&gt;") and optionally age and
/// baseline MADRS. The names are stored in the model card, so a loaded model rebuilds the same layout.
/// </summary>
public sealed record FeatureLayout(IReadOnlyList<string> Regions, bool IncludesCovariates)
{
    public const string AgeFeature = "age";
    public const string BaselineMadrsFeature = "baseline_madrs";

    public int Count => Regions.Count + (IncludesCovariates ? 2 : 0);

    public IReadOnlyList<string> FeatureNames =>
    [
        .. Regions.Select(region => CohortCsv.SuvrColumnPrefix + region),
        .. IncludesCovariates ? new[] { AgeFeature, BaselineMadrsFeature } : [],
    ];

    public static FeatureLayout FromFeatureNames(IReadOnlyList<string> names)
    {
        var regions = names
            .Where(name => name.StartsWith(CohortCsv.SuvrColumnPrefix, StringComparison.Ordinal))
            .Select(name => name[CohortCsv.SuvrColumnPrefix.Length..])
            .ToList();
        var layout = new FeatureLayout(regions, names.Contains(AgeFeature));
        if (!layout.FeatureNames.SequenceEqual(names))
        {
            throw new InvalidDataException($"Unrecognised feature list: {string.Join(", ", names)}.");
        }

        return layout;
    }
}
