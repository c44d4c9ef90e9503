using AmpaCds.Imaging.Atlas;
using AmpaCds.Imaging.Geometry;
using AmpaCds.Research.Analytics.Statistics;

namespace AmpaCds.Research.Analytics.Voxelwise;

/// <summary>
/// Voxel-wise TRD vs healthy Welch t and SUVR-MADRS Pearson r over template-space SUVR maps, with BH-FDR over the
/// voxels of the atlas brain mask. Each voxel uses the same tests as the regional tables (<see cref="WelchTest"/>,
/// <see cref="Correlation"/>), which are checked against scipy.
/// </summary>
public static class VoxelwiseAnalysis
{
    public static VoxelwiseMap GroupT(IReadOnlyList<Volume> a, IReadOnlyList<Volume> b, BrainAtlas atlas, double fdrLevel = 0.05)
    {
        ArgumentNullException.ThrowIfNull(a);
        ArgumentNullException.ThrowIfNull(b);
        return Map(atlas, [.. a, .. b], fdrLevel, index =>
        {
            var result = WelchTest.Compute(a.Select(map => (double)map.Data[index]).ToList(), b.Select(map => (double)map.Data[index]).ToList());
            return (result.T, result.P);
        });
    }

    public static VoxelwiseMap CorrelationR(IReadOnlyList<Volume> maps, IReadOnlyList<double> covariate, BrainAtlas atlas, double fdrLevel = 0.05)
    {
        ArgumentNullException.ThrowIfNull(maps);
        return Map(atlas, maps, fdrLevel, index =>
        {
            var result = Correlation.Pearson(maps.Select(map => (double)map.Data[index]).ToList(), covariate);
            return (result.R, result.P);
        });
    }

    private static VoxelwiseMap Map(BrainAtlas atlas, IReadOnlyList<Volume> maps, double fdrLevel, Func<int, (double Value, double P)> test)
    {
        ArgumentNullException.ThrowIfNull(atlas);
        var grid = atlas.Geometry;
        if (maps.Any(map => map.Nx != grid.Nx || map.Ny != grid.Ny || map.Nz != grid.Nz))
        {
            throw new ArgumentException($"Every map must be on the atlas grid {grid.Nx}x{grid.Ny}x{grid.Nz}.", nameof(maps));
        }

        var mask = atlas.WholeBrain();
        var voxels = Enumerable.Range(0, mask.Length).Where(index => mask[index]).ToArray();
        var values = new double[voxels.Length];
        var p = new double[voxels.Length];
        Parallel.For(0, voxels.Length, n => (values[n], p[n]) = test(voxels[n]));
        var q = FalseDiscoveryRate.BenjaminiHochberg(p);

        var statistic = Volume.Zeros(grid);
        var thresholded = Volume.Zeros(grid);
        var significant = 0;
        for (var n = 0; n < voxels.Length; n++)
        {
            // A voxel with no variance (outside the field of view in every map) has no statistic: 0, not NaN, for viewers.
            statistic.Data[voxels[n]] = double.IsFinite(values[n]) ? (float)values[n] : 0;
            if (q[n] < fdrLevel)
            {
                thresholded.Data[voxels[n]] = (float)values[n];
                significant++;
            }
        }

        return new VoxelwiseMap(statistic, thresholded, voxels.Length, significant, VoxelClusters.Find(thresholded, atlas));
    }
}
