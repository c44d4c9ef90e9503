using System.Diagnostics;
using AmpaCds.Contracts.Messages;
using AmpaCds.Imaging.Assembly;
using AmpaCds.Imaging.Filtering;
using AmpaCds.Imaging.Geometry;
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

        var statistics = RegionalStatistics.Compute(suvImage, registration.TemplateToMoving, reference.Atlas);
        var means = statistics.Means();
        if (!means.TryGetValue(options.ReferenceRegion, out var referenceMean) || !(referenceMean > 0))
        {
            throw new QuantificationException($"reference region '{options.ReferenceRegion}' has no usable uptake");
        }

        var incompatibility = normative?.Database.IncompatibilityWith(options.ReferenceRegion, reference.Atlas.Version);
        var scoring = incompatibility is null ? normative : null;
        var regions = statistics.Regions
            .Select(region => new RegionalUptake(region.Name, region.Mean, region.Mean / referenceMean, region.Voxels, region.Coverage,
                ZScore(scoring, region.Name, region.Mean / referenceMean, series.PatientAgeYears)))
            .ToList();
        var maps = TemplateMaps(suvImage, registration.TemplateToMoving, referenceMean, scoring);
        return new QuantificationResult(regions, options.ReferenceRegion, referenceMean, quality, reference.Atlas.Version, suv,
            watch.Elapsed, normative?.Describe(incompatibility), maps);
    }

    private static double? ZScore(ActiveNormativeDatabase? scoring, string region, double suvr, double? age) =>
        scoring?.Database.Region(region)?.ZScore(suvr, age) is { } z && double.IsFinite(z) ? z : null;

    private TemplateSpaceMaps TemplateMaps(Volume suvImage, Affine templateToPet, double referenceMean, ActiveNormativeDatabase? scoring)
    {
        var suvMap = Resampler.Resample(suvImage, templateToPet, reference.Atlas.Geometry);
        var suvrMap = suvMap.Scaled(1 / referenceMean);
        return new TemplateSpaceMaps(suvMap, suvrMap, scoring?.Maps?.ZMap(suvrMap));
    }
}
