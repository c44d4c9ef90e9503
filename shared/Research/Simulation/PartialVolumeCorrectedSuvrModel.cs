using System.Globalization;
using AmpaCds.Imaging.Atlas;
using AmpaCds.Research.Synthetic.Regions;

namespace AmpaCds.Research.Simulation;

/// <summary>
/// Regional SUVR as the pipeline measures it under partial-volume correction (GTM or RBV): each region's painted density
/// against the voxel-weighted whole brain of the atlas, which is how the simulator defines <c>trueSuvr</c>.
/// </summary>
/// <remarks>
/// Neither <see cref="PartialVolumeSuvrModel"/> (the PSF-blurred values an uncorrected study shows, about 10 % from the
/// truth) nor <see cref="RegionVolumeFractions.Default"/> (assumed adult volumes in mL, not the atlas' own voxel counts)
/// matches a corrected study: GTM recovers the painted truth to 0.5 % on average (docs/QUANTIFICATION.md), and that
/// truth weights the whole-brain reference by the atlas' voxels. So the weights here are the built-in atlas' voxel counts.
/// </remarks>
public sealed class PartialVolumeCorrectedSuvrModel : IRegionalSuvrModel
{
    private static readonly Lazy<PartialVolumeCorrectedSuvrModel> DefaultModel = new(() => Create(BuiltInAtlas.Create()));

    private readonly RegionVolumeFractions _voxelWeights;

    private PartialVolumeCorrectedSuvrModel(RegionVolumeFractions voxelWeights, string atlasVersion)
    {
        _voxelWeights = voxelWeights;
        Description = string.Create(CultureInfo.InvariantCulture,
            $"as measured with partial-volume correction: density on atlas {atlasVersion} against its voxel-weighted whole brain (the painted truth GTM and RBV recover)");
    }

    /// <summary>The built-in atlas, as the shipped pipeline sees corrected studies.</summary>
    public static PartialVolumeCorrectedSuvrModel Default => DefaultModel.Value;

    public string Description { get; }

    public static PartialVolumeCorrectedSuvrModel Create(BrainAtlas atlas)
    {
        ArgumentNullException.ThrowIfNull(atlas);
        var counts = atlas.VoxelCountsByLabel();
        var weights = RegionVolumeFractions.FromVoxelCounts(atlas.Regions.ToDictionary(region => region.Name, region => counts[region.Label], StringComparer.Ordinal));
        return new PartialVolumeCorrectedSuvrModel(weights, atlas.Version);
    }

    public IReadOnlyDictionary<string, double> FromDensity(IReadOnlyDictionary<string, double> density) => Suvr.Compute(density, _voxelWeights);
}
