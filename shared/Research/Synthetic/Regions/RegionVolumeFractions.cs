using AmpaCds.Domain.Regions;

namespace AmpaCds.Research.Synthetic.Regions;

/// <summary>
/// Relative size (voxel count or volume, any unit) of each region, used to weight regions when the
/// whole-brain reference of the SUVR is computed. The default is an assumed table of typical adult
/// volumes in mL (both hemispheres); supply the atlas' real voxel counts with <see cref="FromVoxelCounts"/>.
/// </summary>
public sealed record RegionVolumeFractions : IRegionalSuvrModel
{
    public string Description => "ideal: each region's density against the volume-weighted whole brain (no partial-volume effect)";

    public IReadOnlyDictionary<string, double> FromDensity(IReadOnlyDictionary<string, double> density) => Suvr.Compute(density, this);

    public required IReadOnlyDictionary<string, double> RelativeSize { get; init; }

    /// <summary>Assumed typical adult volumes (mL). Replace with the atlas' voxel counts when available.</summary>
    public static RegionVolumeFractions Default { get; } = new()
    {
        RelativeSize = new Dictionary<string, double>
        {
            [RegionIds.FrontalCortex] = 230,
            [RegionIds.ParietalCortex] = 130,
            [RegionIds.TemporalCortex] = 140,
            [RegionIds.OccipitalCortex] = 80,
            [RegionIds.AnteriorCingulate] = 12,
            [RegionIds.PosteriorCingulate] = 10,
            [RegionIds.AnteriorInsula] = 7,
            [RegionIds.PosteriorInsula] = 6,
            [RegionIds.Caudate] = 8,
            [RegionIds.Putamen] = 10,
            [RegionIds.GlobusPallidus] = 3,
            [RegionIds.Thalamus] = 14,
            // About 30 mm3 per side: it barely moves the reference, which is the point of voxel weighting.
            [RegionIds.LateralHabenula] = 0.06,
            [RegionIds.Hippocampus] = 8,
            [RegionIds.Amygdala] = 3,
            [RegionIds.Cerebellum] = 140,
            [RegionIds.Brainstem] = 30,
            [RegionIds.WhiteMatter] = 450,
        },
    };

    /// <summary>Builds the weights from an atlas' voxel counts; every count must be positive.</summary>
    public static RegionVolumeFractions FromVoxelCounts(IReadOnlyDictionary<string, int> voxelCounts)
    {
        foreach (var (region, count) in voxelCounts)
        {
            if (count <= 0)
            {
                throw new ArgumentException($"Region '{region}' has {count} voxels; every region needs at least one.", nameof(voxelCounts));
            }
        }

        return new RegionVolumeFractions { RelativeSize = voxelCounts.ToDictionary(kv => kv.Key, kv => (double)kv.Value) };
    }
}
