using AmpaCds.Imaging.Filtering;
using AmpaCds.Imaging.Geometry;

namespace AmpaCds.Imaging.PartialVolume;

/// <summary>
/// Region-based voxel-wise correction (Thomas et al. 2011, as in the PETPVC toolbox): a synthetic image painted
/// with the GTM values, blurred by the same PSF, gives per voxel how much the blur changed that voxel; the
/// observed image is multiplied by synthetic / blurred synthetic. Within-region texture is kept, unlike GTM,
/// which gives one value per region.
/// </summary>
public static class RegionBasedVoxelCorrection
{
    /// <summary>Where the blurred synthetic image is this small the ratio is noise, so the voxel is left as observed.</summary>
    private const double MinimumBlurredShare = 1e-3;

    /// <param name="templateImage">The observed image on the atlas grid (non-finite = outside the field of view, kept).</param>
    /// <param name="gtmValues">Solution of <see cref="GeometricTransferMatrix.Solve"/> for this image.</param>
    public static Volume Correct(GeometricTransferMatrix gtm, Volume templateImage, IReadOnlyList<double> gtmValues)
    {
        ArgumentNullException.ThrowIfNull(gtm);
        ArgumentNullException.ThrowIfNull(templateImage);
        ArgumentNullException.ThrowIfNull(gtmValues);

        // Negative GTM values (noise in a tiny region or the background) would flip the ratio's sign: paint them as 0.
        var synthetic = gtm.Paint([.. gtmValues.Select(value => Math.Max(0, value))]);
        float[] blurred = GaussianFilter.Smooth(synthetic, gtm.FwhmMm).Data;
        float[] painted = synthetic.Data;
        float[] observed = templateImage.Data;
        double floor = MinimumBlurredShare * gtmValues.Take(gtm.Names.Count - 1).DefaultIfEmpty(0).Max();
        var corrected = (float[])observed.Clone();
        for (int i = 0; i < corrected.Length; i++)
        {
            if (gtm.IsBrain(i) && float.IsFinite(observed[i]) && blurred[i] > floor)
            {
                corrected[i] = observed[i] * painted[i] / blurred[i];
            }
        }

        return new Volume(templateImage.Geometry, corrected);
    }
}
