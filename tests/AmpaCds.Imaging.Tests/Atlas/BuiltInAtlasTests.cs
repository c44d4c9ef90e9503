using AmpaCds.Imaging.Atlas;
using AmpaCds.Imaging.Geometry;
using AmpaCds.Imaging.Tests.Support;
using AmpaCds.Imaging;

namespace AmpaCds.Imaging.Tests.Atlas;

public sealed class BuiltInAtlasTests
{
    private static readonly BrainAtlas Atlas = BuiltInAtlas.Create();

    [Fact]
    public void HasTheSharedRegionNamesWithLabelsOneToEighteen()
    {
        string[] expected =
        [
            "frontal_cortex", "parietal_cortex", "temporal_cortex", "occipital_cortex", "anterior_cingulate", "posterior_cingulate",
            "anterior_insula", "posterior_insula", "caudate", "putamen", "globus_pallidus", "thalamus", "lateral_habenula",
            "hippocampus", "amygdala", "cerebellum", "brainstem", "white_matter",
        ];

        Assert.Equal(expected, Atlas.Regions.Select(r => r.Name));
        Assert.Equal(Enumerable.Range(1, 18), Atlas.Regions.Select(r => r.Label));
        Assert.Equal((80, 96, 80), (Atlas.Geometry.Nx, Atlas.Geometry.Ny, Atlas.Geometry.Nz));
        Assert.Equal(new Point3(2, 2, 2), Atlas.Geometry.Spacing);
        Assert.True(Atlas.Geometry.Centre.Length < 1e-9);
    }

    [Fact]
    public void EveryRegionIsMeasurableAndSizesArePlausible()
    {
        int[] counts = Atlas.VoxelCountsByLabel();
        double ml = Atlas.Geometry.VoxelVolumeMl;

        Assert.All(Atlas.Regions, region => Assert.True(counts[region.Label] >= 30, $"{region.Name}: {counts[region.Label]} voxels"));
        // Brain ellipsoid 140 x 170 x 120 mm = 1495 ml.
        Assert.InRange((counts.Sum() - counts[0]) * ml, 1400, 1600);
        Assert.InRange(counts[Label("lateral_habenula")], 50, 80);
        Assert.InRange(counts[Label("white_matter")] * ml, 300, 1000);
        Assert.InRange(counts[Label("frontal_cortex")] * ml, 150, 400);
        Assert.True(counts[Label("frontal_cortex")] > counts[Label("occipital_cortex")]);
        Assert.True(counts[Label("thalamus")] > counts[Label("globus_pallidus")]);
        Assert.InRange(counts[Label("cerebellum")] * ml, 60, 200);
    }

    [Fact]
    public void StructuresSitWhereAnatomySaysAndAreBilateral()
    {
        Assert.Equal("frontal_cortex", NameAt(0, -82, 0));
        Assert.Equal("occipital_cortex", NameAt(0, 82, 5));
        Assert.Equal("parietal_cortex", NameAt(0, 30, 52));
        Assert.Equal("temporal_cortex", NameAt(66, 0, -15));
        Assert.Equal("temporal_cortex", NameAt(-66, 0, -15));
        Assert.Equal("putamen", NameAt(25, -2, 2));
        Assert.Equal("putamen", NameAt(-25, -2, 2));
        Assert.Equal("thalamus", NameAt(-11, 9, 3));
        Assert.Equal("lateral_habenula", NameAt(5, 15, 11));
        Assert.Equal("lateral_habenula", NameAt(-5, 15, 11));
        Assert.Equal("cerebellum", NameAt(25, 55, -40));
        Assert.Equal("brainstem", NameAt(1, 13, -40));
        Assert.Equal("white_matter", NameAt(35, 25, 25));
        Assert.Null(NameAt(0, 0, 63));
    }

    [Fact]
    public void IsDeterministic()
    {
        Assert.Equal(Atlas.Labels, BuiltInAtlas.Create().Labels);
        Assert.Equal(BuiltInAtlas.Version, Atlas.Version);
    }

    [Fact]
    public void PaintSetsRegionValuesAndRejectsUnknownNames()
    {
        Volume painted = Atlas.Paint(RegionValues.Typical(), background: -1);

        Assert.Equal(3.0f, painted.Data[Index(25, -2, 2)]);
        Assert.Equal(0.9f, painted.Data[Index(35, 25, 25)]);
        Assert.Equal(-1f, painted.Data[Index(0, 0, 75)]);
        Assert.Throws<KeyNotFoundException>(() => Atlas.Paint(new Dictionary<string, double> { ["frontal_lobe"] = 1 }));
    }

    [Fact]
    public void WholeBrainMaskIsEveryLabelledVoxel()
    {
        bool[] mask = Atlas.WholeBrain();

        Assert.Equal(Atlas.Labels.Count(l => l > 0), mask.Count(m => m));
        Assert.True(mask[Index(0, 0, 0)]);
    }

    private static int Label(string name) => Atlas.Region(name).Label;

    private static int Index(double x, double y, double z)
    {
        Point3 v = Atlas.Geometry.WorldToVoxel.Apply(new Point3(x, y, z));
        return Atlas.Geometry.Index((int)Math.Round(v.X), (int)Math.Round(v.Y), (int)Math.Round(v.Z));
    }

    private static string? NameAt(double x, double y, double z)
    {
        byte label = Atlas.Labels[Index(x, y, z)];
        return label == 0 ? null : Atlas.Regions[label - 1].Name;
    }
}
