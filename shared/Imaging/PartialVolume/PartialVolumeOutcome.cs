using AmpaCds.Imaging.Geometry;

namespace AmpaCds.Imaging.PartialVolume;

/// <param name="EffectiveFwhmMm">The blur that was undone in template space (scanner PSF with the interpolation blur).</param>
/// <param name="RegionMeans">Corrected mean per atlas region (the background is not included).</param>
/// <param name="WholeBrainMean">Voxel-weighted mean of the corrected brain regions.</param>
/// <param name="CorrectedImage">The voxel-wise corrected template-space image (RBV only; GTM gives regional values).</param>
public sealed record PartialVolumeOutcome(
    PartialVolumeMethod Method,
    double EffectiveFwhmMm,
    IReadOnlyDictionary<string, double> RegionMeans,
    double WholeBrainMean,
    Volume? CorrectedImage);
