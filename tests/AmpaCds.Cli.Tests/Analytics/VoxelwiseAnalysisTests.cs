using AmpaCds.Imaging.Atlas;
using AmpaCds.Imaging.Geometry;
using AmpaCds.Imaging.Nifti;
using AmpaCds.Research.Analytics.Statistics;
using AmpaCds.Research.Analytics.Voxelwise;

namespace AmpaCds.Cli.Tests.Analytics;

/// <summary>
/// Voxel-wise maps on a small two-region template (12³ voxels of 2 mm, "left" for i &lt; 6, "right" otherwise) with a
/// raised cube in one region and a lowered cube in the other for group A: the t-map at a voxel is Welch's t of that
/// voxel, every cube voxel survives FDR, and the two largest clusters are the cubes (27 voxels, plus the odd
/// false-positive neighbour FDR allows) with the right sign, peak and region.
/// </summary>
public sealed class VoxelwiseAnalysisTests
{
    private const int N = 12;
    private static readonly VolumeGeometry Grid = new(N, N, N, Affine.Scaling(2, 2, 2) * Affine.Translation(new Point3(-5.5, -5.5, -5.5)));

    private static readonly BrainAtlas Atlas = new(
        Grid, Enumerable.Range(0, N * N * N).Select(index => (byte)(index % N < 6 ? 1 : 2)).ToArray(),
        [new AtlasRegion(1, "left"), new AtlasRegion(2, "right")], "test");

    [Fact]
    public void Group_t_map_finds_the_two_cubes_as_clusters_with_their_sign_and_region()
    {
        var random = new Random(3);
        var a = Enumerable.Range(0, 10).Select(_ => Map(random, index => InCube(index, 2) ? 0.2 : InCube(index, 8) ? -0.2 : 0)).ToList();
        var b = Enumerable.Range(0, 10).Select(_ => Map(random, _ => 0)).ToList();

        var result = VoxelwiseAnalysis.GroupT(a, b, Atlas);

        var voxel = Grid.Index(3, 3, 3);
        var welch = WelchTest.Compute(a.Select(m => (double)m.Data[voxel]).ToList(), b.Select(m => (double)m.Data[voxel]).ToList());
        Assert.Equal((float)welch.T, result.Statistic.Data[voxel]);
        Assert.Equal(N * N * N, result.MaskVoxels);
        Assert.Equal(54, Enumerable.Range(0, N * N * N).Count(index => (InCube(index, 2) || InCube(index, 8)) && result.Thresholded.Data[index] != 0));
        var cubes = result.Clusters.Take(2).OrderBy(cluster => cluster.Sign).ToList();
        Assert.Equal((-1, "right"), (cubes[0].Sign, cubes[0].Region));
        Assert.Equal((1, "left"), (cubes[1].Sign, cubes[1].Region));
        Assert.All(cubes, cube => Assert.InRange(cube.Size, 27, 30));
        Assert.InRange(cubes[1].PeakI, 2, 4);
        // Peak position in mm: voxel (i, j, k) sits at 2·(i − 5.5) mm.
        Assert.Equal(2 * (cubes[1].PeakI - 5.5), cubes[1].PeakXMm, 9);
        Assert.All(result.Clusters.Skip(2), cluster => Assert.True(cluster.Size < 5));

        // Written as NIfTI and read back, the thresholded map keeps the cube's t and zero outside what survived.
        var path = Path.Combine(Path.GetTempPath(), $"ampacds-tmap-{Guid.NewGuid():N}.nii.gz");
        try
        {
            NiftiWriter.Write(result.Thresholded, path);
            var read = NiftiReader.Read(path);
            Assert.Equal(result.Thresholded.Data[voxel], read.Data[voxel]);
            Assert.Equal(result.Significant, read.Data.Count(value => value != 0));
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public void Correlation_map_finds_the_voxels_that_follow_the_covariate()
    {
        var random = new Random(4);
        var madrs = Enumerable.Range(0, 20).Select(i => 20.0 + i).ToList();
        var maps = madrs.Select(score => Map(random, index => InCube(index, 2) ? -0.02 * (score - 30) : 0)).ToList();

        var result = VoxelwiseAnalysis.CorrelationR(maps, madrs, Atlas);

        Assert.Equal((-1, "left"), (result.Clusters[0].Sign, result.Clusters[0].Region));
        Assert.InRange(result.Clusters[0].Size, 27, 30);
        Assert.True(result.Statistic.Data[Grid.Index(3, 3, 3)] < -0.8, $"r at the cube centre {result.Statistic.Data[Grid.Index(3, 3, 3)]}");
    }

    private static bool InCube(int index, int start)
    {
        int i = index % N, j = index / N % N, k = index / (N * N);
        return i >= start && i < start + 3 && j >= start && j < start + 3 && k >= start && k < start + 3;
    }

    private static Volume Map(Random random, Func<int, double> effect) =>
        new(Grid, Enumerable.Range(0, N * N * N).Select(index => (float)(1 + effect(index) + 0.05 * Normal(random))).ToArray());

    private static double Normal(Random random) =>
        Math.Sqrt(-2 * Math.Log(1 - random.NextDouble())) * Math.Cos(2 * Math.PI * random.NextDouble());
}
