using AmpaCds.Imaging.Geometry;

namespace AmpaCds.Imaging.Atlas;

/// <summary>
/// The built-in digital brain atlas: a geometric phantom of an adult brain in template space, used until a site
/// supplies a real atlas. Template space is LPS mm with the origin at the brain centre; the grid is 80 x 96 x 80
/// voxels of 2 mm. The brain is an ellipsoid of 140 x 170 x 120 mm (L-R, A-P, S-I); structures are ellipsoids
/// placed at plausible positions (left and right copies share one label). It is an approximation of anatomy,
/// good enough for the pipeline and its tests, not for neuroanatomical claims.
/// </summary>
public static class BuiltInAtlas
{
    public const string Version = "ampacds-builtin-ellipsoid-1.0";

    /// <summary>Region names in label order (label = index + 1); shared with the effect model and ML features.</summary>
    public static IReadOnlyList<string> RegionNames { get; } =
    [
        "frontal_cortex", "parietal_cortex", "temporal_cortex", "occipital_cortex",
        "anterior_cingulate", "posterior_cingulate", "anterior_insula", "posterior_insula",
        "caudate", "putamen", "globus_pallidus", "thalamus", "lateral_habenula",
        "hippocampus", "amygdala", "cerebellum", "brainstem", "white_matter",
    ];

    public static VolumeGeometry TemplateGeometry { get; } = VolumeGeometry.Centred(80, 96, 80, new Point3(2, 2, 2), Point3.Zero);

    /// <summary>Builds the atlas; deterministic (pure geometry, no randomness), ~10 ms.</summary>
    public static BrainAtlas Create()
    {
        VolumeGeometry geometry = TemplateGeometry;
        var labels = new byte[geometry.VoxelCount];
        Parallel.For(0, geometry.Nz, k =>
        {
            for (int j = 0; j < geometry.Ny; j++)
            {
                for (int i = 0; i < geometry.Nx; i++)
                {
                    labels[geometry.Index(i, j, k)] = BuiltInAtlasLayout.LabelAt(geometry.VoxelCentre(i, j, k));
                }
            }
        });

        var regions = new AtlasRegion[RegionNames.Count];
        for (int r = 0; r < regions.Length; r++)
        {
            regions[r] = new AtlasRegion(r + 1, RegionNames[r]);
        }

        return new BrainAtlas(geometry, labels, regions, Version);
    }
}
