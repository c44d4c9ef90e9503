namespace AmpaCds.Imaging.PartialVolume;

/// <summary>
/// The blur between the atlas labels and the values the pipeline samples in template space: the scanner's
/// point-spread function plus linear interpolation once each way (the activity lands on the image grid,
/// regions are sampled back onto the atlas grid). Each interpolation adds a variance of spacing²/6 per axis,
/// so a 5 mm PSF with 2 mm grids acts as 5.7 mm.
/// </summary>
public static class EffectiveResolution
{
    public static double FwhmMm(double psfFwhmMm, double atlasSpacingMm, double imageSpacingMm) =>
        Math.Sqrt(psfFwhmMm * psfFwhmMm + 8 * Math.Log(2) * (atlasSpacingMm * atlasSpacingMm + imageSpacingMm * imageSpacingMm) / 6);
}
