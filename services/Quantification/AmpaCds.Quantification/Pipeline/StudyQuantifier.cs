using System.Diagnostics;
using AmpaCds.Contracts.Messages;
using AmpaCds.Imaging.Assembly;
using AmpaCds.Imaging.Atlas;
using AmpaCds.Imaging.Filtering;
using AmpaCds.Imaging.Geometry;
using AmpaCds.Imaging.PartialVolume;
using AmpaCds.Imaging.Registration;
using AmpaCds.Imaging.Statistics;
using AmpaCds.Imaging.Suv;
using AmpaCds.Imaging;
using AmpaCds.Quantification.Loading;
using AmpaCds.Quantification.Normative;

namespace AmpaCds.Quantification.Pipeline;

/// <summary>
/// Volume, SUV, spatial normalisation, regional statistics and z-scores for one PET series: plain
/// computation, shared by the service's consumers and the CLI's offline `quantify`.
/// </summary>
public sealed class StudyQuantifier(QuantificationReference reference, QuantificationOptions options, ActiveNormativeDatabase? normative = null)
{
    public QuantificationResult Quantify(PetSeries series)
    {
        var watch = Stopwatch.StartNew();
        var suv = SuvCalculator.ComputeBodyWeightFactor(series.SuvInputs,
            new SuvOptions { FallbackHalfLifeSeconds = options.FallbackHalfLifeSeconds });
        var activity = FrameWindow.Sum(FrameAssembler.Assemble(series.Slices),
            suv.ReferenceTime is { } start && suv.InjectionTime is { } injection ? (start - injection).TotalSeconds : null,
            options.DynamicWindowStartMinutes, options.DynamicWindowEndMinutes);
        var suvImage = activity.Scaled(suv.Factor);

        var registration = AffineRegistration.Register(suvImage, reference.Registration);
        var quality = new RegistrationQuality(registration.Similarity, registration.Passed, registration.QualityReason,
            RegistrationOptions.Default.MinimumSimilarity, registration.Overlap,
            registration.Scales.X, registration.Scales.Y, registration.Scales.Z, registration.Iterations);
        if (!registration.Passed)
        {
            throw new QuantificationException($"spatial normalisation failed: {registration.QualityReason} (similarity {registration.Similarity:F3})");
        }

        // One interpolation onto the atlas grid serves the regional means and the maps.
        var suvMap = Resampler.Resample(suvImage, registration.TemplateToMoving, reference.Atlas.Geometry, float.NaN);
        var statistics = RegionalStatistics.OnAtlasGrid(suvMap, reference.Atlas);
        var correction = CorrectPartialVolume(suvMap, suvImage.Spacing);
        var means = correction is null ? statistics.Means() : CorrectedMeans(correction);
        if (!means.TryGetValue(options.ReferenceRegion, out var referenceMean) || !(referenceMean > 0))
        {
            throw new QuantificationException($"reference region '{options.ReferenceRegion}' has no usable uptake");
        }

        var applied = correction is null
            ? PartialVolumeCorrection.None
            : new PartialVolumeCorrection(correction.Method.Name(), options.PartialVolume.FwhmMm, Math.Round(correction.EffectiveFwhmMm, 2));
        var incompatibility = normative?.Database.IncompatibilityWith(options.ReferenceRegion, reference.Atlas.Version, applied.Method, applied.FwhmMm);
        var scoring = incompatibility is null ? normative : null;
        var regions = statistics.Regions
            .Select(region => (region, mean: means[region.Name]))
            .Select(pair => new RegionalUptake(pair.region.Name, pair.mean, pair.mean / referenceMean, pair.region.Voxels, pair.region.Coverage,
                ZScore(scoring, pair.region.Name, pair.mean / referenceMean, series.PatientAgeYears)))
            .ToList();
        var maps = TemplateMaps(correction?.CorrectedImage ?? suvMap, referenceMean, scoring);
        return new QuantificationResult(regions, options.ReferenceRegion, referenceMean, quality, reference.Atlas.Version, suv,
            watch.Elapsed, normative?.Describe(incompatibility), maps, applied);
    }

    /// <summary>
    /// GTM or RBV on the SUV image resampled onto the atlas grid. Template space is where the atlas is exact; the blur there
    /// is the scanner's PSF plus the interpolation of both grids (<see cref="EffectiveResolution"/>), which the simulation
    /// measures to match (docs/QUANTIFICATION.md, "Partial-volume correction").
    /// </summary>
    private PartialVolumeOutcome? CorrectPartialVolume(Volume suvMap, Point3 imageSpacing)
    {
        var method = PartialVolumeMethods.Parse(options.PartialVolume.Method);
        if (method == PartialVolumeMethod.None)
        {
            return null;
        }

        var atlasSpacing = reference.Atlas.Geometry.Spacing;
        var fwhm = EffectiveResolution.FwhmMm(options.PartialVolume.FwhmMm, Max(atlasSpacing), Max(imageSpacing));
        try
        {
            return reference.PartialVolume.Correct(suvMap, method, fwhm);
        }
        catch (Exception error) when (error is ArgumentException or InvalidOperationException)
        {
            throw new QuantificationException($"partial-volume correction ({method.Name()}) failed: {error.Message}", error);
        }
    }

    private static double Max(Point3 spacing) => Math.Max(spacing.X, Math.Max(spacing.Y, spacing.Z));

    private static Dictionary<string, double> CorrectedMeans(PartialVolumeOutcome correction) =>
        new(correction.RegionMeans, StringComparer.Ordinal) { [BrainAtlas.WholeBrainName] = correction.WholeBrainMean };

    private static double? ZScore(ActiveNormativeDatabase? scoring, string region, double suvr, double? age) =>
        scoring?.Database.Region(region)?.ZScore(suvr, age) is { } z && double.IsFinite(z) ? z : null;

    /// <summary>Maps from the template-space SUV image; voxels outside the field of view (NaN) are written as 0, as before.</summary>
    private static TemplateSpaceMaps TemplateMaps(Volume templateSuv, double referenceMean, ActiveNormativeDatabase? scoring)
    {
        var data = (float[])templateSuv.Data.Clone();
        for (var i = 0; i < data.Length; i++)
        {
            data[i] = float.IsFinite(data[i]) ? data[i] : 0f;
        }

        var suvMap = new Volume(templateSuv.Geometry, data);
        var suvrMap = suvMap.Scaled(1 / referenceMean);
        return new TemplateSpaceMaps(suvMap, suvrMap, scoring?.Maps?.ZMap(suvrMap));
    }
}
