using AmpaCds.Imaging.Filtering;
using AmpaCds.Imaging.Geometry;
using AmpaCds.Imaging.Atlas;

namespace AmpaCds.Imaging.Statistics;

/// <summary>Regional means of an image measured on the atlas, and SUV ratios.</summary>
public static class RegionalStatistics
{
    /// <summary>
    /// Samples <paramref name="image"/> (trilinear) at every labelled template voxel centre mapped through
    /// <paramref name="templateToImage"/> (template world → image world, e.g. <see cref="RegistrationResult.TemplateToMoving"/>).
    /// Sampling in template space weights every region by its template volume whatever the scanner voxel size.
    /// </summary>
    public static RegionalStatisticsResult Compute(Volume image, Affine templateToImage, BrainAtlas atlas)
    {
        ArgumentNullException.ThrowIfNull(image);
        ArgumentNullException.ThrowIfNull(templateToImage);
        ArgumentNullException.ThrowIfNull(atlas);

        VolumeGeometry grid = atlas.Geometry;
        Affine toImageVoxel = image.Geometry.WorldToVoxel * templateToImage * grid.VoxelToWorld;
        Point3 stepX = toImageVoxel.LinearColumn(0);
        byte[] labels = atlas.Labels;
        float[] data = image.Data;
        int nx = grid.Nx, ny = grid.Ny, inx = image.Nx, iny = image.Ny, inz = image.Nz;
        var sums = new double[256];
        var counts = new long[256];
        var gate = new object();

        Parallel.For(
            0,
            ny * grid.Nz,
            () => (Sum: new double[256], Count: new long[256]),
            (line, _, local) =>
            {
                Point3 start = toImageVoxel.Apply(new Point3(0, line % ny, line / ny));
                int rowStart = line * nx;
                for (int i = 0; i < nx; i++)
                {
                    byte label = labels[rowStart + i];
                    if (label == 0)
                    {
                        continue;
                    }

                    float value = Trilinear.Sample(data, inx, iny, inz, start.X + i * stepX.X, start.Y + i * stepX.Y, start.Z + i * stepX.Z, out bool inside);
                    if (inside && float.IsFinite(value))
                    {
                        local.Sum[label] += value;
                        local.Count[label]++;
                    }
                }

                return local;
            },
            local =>
            {
                lock (gate)
                {
                    for (int l = 0; l < 256; l++)
                    {
                        sums[l] += local.Sum[l];
                        counts[l] += local.Count[l];
                    }
                }
            });

        return Summarise(atlas, sums, counts);
    }

    /// <summary>
    /// The same measure for an image already resampled onto the atlas grid (non-finite voxels are outside the field of view),
    /// e.g. by <see cref="Resampler"/> through the same transform: its voxels are the values <see cref="Compute"/> would
    /// sample, so a caller that needs the template-space image anyway does not interpolate twice. Summed in voxel order.
    /// </summary>
    public static RegionalStatisticsResult OnAtlasGrid(Volume templateImage, BrainAtlas atlas)
    {
        ArgumentNullException.ThrowIfNull(templateImage);
        ArgumentNullException.ThrowIfNull(atlas);
        if (!templateImage.Geometry.SameGridAs(atlas.Geometry, 1e-6))
        {
            throw new ArgumentException("The image is not on the atlas grid.", nameof(templateImage));
        }

        var sums = new double[256];
        var counts = new long[256];
        byte[] labels = atlas.Labels;
        float[] data = templateImage.Data;
        for (int i = 0; i < data.Length; i++)
        {
            if (labels[i] != 0 && float.IsFinite(data[i]))
            {
                sums[labels[i]] += data[i];
                counts[labels[i]]++;
            }
        }

        return Summarise(atlas, sums, counts);
    }

    /// <summary>
    /// Ratio of every mean to the reference region's mean (<see cref="BrainAtlas.WholeBrainName"/> or an atlas
    /// region name). The reference itself maps to 1.
    /// </summary>
    public static IReadOnlyDictionary<string, double> Suvr(IReadOnlyDictionary<string, double> regionMeans, string referenceRegion = BrainAtlas.WholeBrainName)
    {
        ArgumentNullException.ThrowIfNull(regionMeans);
        if (!regionMeans.TryGetValue(referenceRegion, out double reference))
        {
            throw new ArgumentException($"The reference region '{referenceRegion}' has no mean.", nameof(referenceRegion));
        }

        if (!(reference > 0) || !double.IsFinite(reference))
        {
            throw new ArgumentException($"The reference region '{referenceRegion}' mean is {reference}; SUVR needs a positive reference.", nameof(referenceRegion));
        }

        var ratios = new Dictionary<string, double>(StringComparer.Ordinal);
        foreach ((string name, double mean) in regionMeans)
        {
            ratios[name] = mean / reference;
        }

        return ratios;
    }

    private static RegionalStatisticsResult Summarise(BrainAtlas atlas, double[] sums, long[] counts)
    {
        int[] templateCounts = atlas.VoxelCountsByLabel();
        var regions = new List<RegionStatistic>(atlas.Regions.Count);
        double brainSum = 0;
        long brainCount = 0, brainTemplate = 0;
        foreach (AtlasRegion region in atlas.Regions)
        {
            int l = region.Label;
            regions.Add(new RegionStatistic(
                region.Name,
                l,
                counts[l] > 0 ? sums[l] / counts[l] : double.NaN,
                (int)counts[l],
                templateCounts[l] > 0 ? (double)counts[l] / templateCounts[l] : 0));
            brainSum += sums[l];
            brainCount += counts[l];
            brainTemplate += templateCounts[l];
        }

        var wholeBrain = new RegionStatistic(
            BrainAtlas.WholeBrainName,
            0,
            brainCount > 0 ? brainSum / brainCount : double.NaN,
            (int)brainCount,
            brainTemplate > 0 ? (double)brainCount / brainTemplate : 0);
        return new RegionalStatisticsResult(regions, wholeBrain);
    }
}
