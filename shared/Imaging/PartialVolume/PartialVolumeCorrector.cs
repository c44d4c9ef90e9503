using System.Collections.Concurrent;
using AmpaCds.Imaging.Atlas;
using AmpaCds.Imaging.Geometry;

namespace AmpaCds.Imaging.PartialVolume;

/// <summary>
/// GTM or RBV for one atlas, applied to images already on the atlas grid. The transfer matrix depends only on the
/// atlas and the resolution, so it is built once per resolution (about one smoothing per region) and reused for
/// every study; a study then costs one solve (GTM) or one more smoothing (RBV).
/// </summary>
public sealed class PartialVolumeCorrector(BrainAtlas atlas)
{
    private readonly ConcurrentDictionary<double, Lazy<GeometricTransferMatrix>> _matrices = new();

    public BrainAtlas Atlas { get; } = atlas ?? throw new ArgumentNullException(nameof(atlas));

    /// <summary>The matrix at this resolution (rounded to 0.01 mm so equal settings share one).</summary>
    public GeometricTransferMatrix Matrix(double effectiveFwhmMm) =>
        _matrices.GetOrAdd(Math.Round(effectiveFwhmMm, 2),
            fwhm => new Lazy<GeometricTransferMatrix>(() => GeometricTransferMatrix.Create(Atlas, fwhm))).Value;

    /// <param name="templateImage">The observed image resampled onto the atlas grid; non-finite voxels are outside the field of view.</param>
    public PartialVolumeOutcome Correct(Volume templateImage, PartialVolumeMethod method, double effectiveFwhmMm)
    {
        ArgumentNullException.ThrowIfNull(templateImage);
        if (method == PartialVolumeMethod.None)
        {
            throw new ArgumentException("No correction was asked for.", nameof(method));
        }

        var gtm = Matrix(effectiveFwhmMm);
        var values = gtm.Solve(gtm.RegionMeans(templateImage));
        Volume? corrected = null;
        if (method == PartialVolumeMethod.Rbv)
        {
            corrected = RegionBasedVoxelCorrection.Correct(gtm, templateImage, values);
            values = gtm.RegionMeans(corrected);
        }

        var regions = new Dictionary<string, double>(StringComparer.Ordinal);
        for (int r = 0; r < gtm.Names.Count - 1; r++)
        {
            regions[gtm.Names[r]] = values[r];
        }

        return new PartialVolumeOutcome(method, gtm.FwhmMm, regions, gtm.WholeBrainMean(values), corrected);
    }
}
