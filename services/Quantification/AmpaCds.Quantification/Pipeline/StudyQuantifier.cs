using System.Diagnostics;
using AmpaCds.Contracts.Messages;
using AmpaCds.Imaging;
using AmpaCds.Imaging.Suv;
using AmpaCds.Quantification.Loading;

namespace AmpaCds.Quantification.Pipeline;

/// <summary>
/// Volume, SUV, spatial normalisation and regional statistics for one PET series: plain
/// computation, shared by the service's consumers and the CLI's offline `quantify`.
/// </summary>
public sealed class StudyQuantifier(QuantificationReference reference, QuantificationOptions options)
{
    public QuantificationResult Quantify(PetSeries series)
    {
        var watch = Stopwatch.StartNew();
        var suv = SuvCalculator.ComputeBodyWeightFactor(series.SuvInputs,
            new SuvOptions { FallbackHalfLifeSeconds = options.FallbackHalfLifeSeconds });
        var activity = VolumeAssembler.Assemble(series.Slices);
        var suvImage = Scale(activity, suv.Factor);

        var registration = AffineRegistration.Register(suvImage, reference.Registration);
        var quality = new RegistrationQuality(registration.Similarity, registration.Passed, registration.QualityReason);
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
        var regions = statistics.Regions
            .Select(region => new RegionalUptake(region.Name, region.Mean, region.Mean / referenceMean, region.Voxels, region.Coverage))
            .ToList();
        return new QuantificationResult(regions, options.ReferenceRegion, referenceMean, quality, reference.Atlas.Version, suv, watch.Elapsed);
    }

    private static Volume Scale(Volume volume, double factor)
    {
        var scaled = volume.Clone();
        var data = scaled.Data;
        var f = (float)factor;
        for (var index = 0; index < data.Length; index++)
        {
            data[index] *= f;
        }
        return scaled;
    }
}
