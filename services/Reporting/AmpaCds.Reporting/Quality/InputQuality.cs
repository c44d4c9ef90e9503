using AmpaCds.Reporting.Studies.Stored;

namespace AmpaCds.Reporting.Quality;

/// <summary>
/// The checks that decide whether a study's measurement can be trusted. When any fails, every surface (portal, HTML,
/// PDF) shows the "unreliable input" banner and withholds the forecast: a number computed from a misregistered or
/// truncated image would look as confident as a good one.
/// </summary>
public sealed record InputQuality(IReadOnlyList<QualityCheck> Checks)
{
    /// <summary>Share of the template brain that must lie inside the PET field of view (the registration's own pass rule).</summary>
    public const double MinimumBrainInFieldOfView = 0.8;

    /// <summary>Share of a region's template voxels that must be measured for its value to stand for the region.</summary>
    public const double MinimumRegionCoverage = 0.5;

    /// <summary>The reference region divides every SUVR, so it must be almost entirely in view.</summary>
    public const double MinimumReferenceCoverage = 0.9;

    public bool Reliable => Checks.All(check => check.Passed);

    public bool WithholdForecast => !Reliable;

    public static InputQuality Of(StoredUptake uptake)
    {
        ArgumentNullException.ThrowIfNull(uptake);
        var registration = uptake.Registration;
        var checks = new List<QualityCheck>
        {
            new("quality.registration", registration.Passed,
                registration.Passed ? "quality.registration.passed" : "quality.registration.failed",
                [registration.Similarity, registration.MinimumSimilarity ?? double.NaN]),
        };

        if (registration.Overlap is { } overlap)
        {
            checks.Add(new("quality.field-of-view", overlap >= MinimumBrainInFieldOfView, "quality.field-of-view.detail",
                [overlap, MinimumBrainInFieldOfView]));
        }

        var poorlyCovered = uptake.Regions.Where(region => region.Coverage < MinimumRegionCoverage).Select(region => region.Name).ToList();
        checks.Add(new("quality.region-coverage", poorlyCovered.Count == 0,
            poorlyCovered.Count == 0 ? "quality.region-coverage.all" : "quality.region-coverage.missing",
            [MinimumRegionCoverage, new RegionList(poorlyCovered)]));

        var reference = uptake.Regions.FirstOrDefault(region => region.Name == uptake.ReferenceRegion);
        var referenceCovered = reference is null || reference.Coverage >= MinimumReferenceCoverage;
        // A composite reference (whole brain) is not an atlas region, so it has no coverage of its own to show.
        checks.Add(reference is null
            ? new("quality.reference", uptake.ReferenceSuvMean > 0, "quality.reference.detail-composite", [new RegionList([uptake.ReferenceRegion]), uptake.ReferenceSuvMean])
            : new("quality.reference", referenceCovered && uptake.ReferenceSuvMean > 0, "quality.reference.detail",
                [new RegionList([uptake.ReferenceRegion]), uptake.ReferenceSuvMean, reference.Coverage]));
        return new InputQuality(checks);
    }
}
