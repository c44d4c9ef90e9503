using AmpaCds.Imaging.Atlas;
using AmpaCds.Imaging.Filtering;
using AmpaCds.Imaging.Geometry;
using AmpaCds.Imaging.Statistics;
using AmpaCds.Imaging.Tests.Support;
using AmpaCds.Imaging;

namespace AmpaCds.Imaging.Tests.Statistics;

public sealed class RegionalStatisticsTests
{
    private static readonly BrainAtlas Atlas = BuiltInAtlas.Create();

    [Fact]
    public void UniformImageGivesEqualMeansAndSuvrOne()
    {
        var scanner = VolumeGeometry.Centred(128, 128, 70, new Point3(2.6, 2.6, 2.4), new Point3(5, -10, 20));
        var uniform = new Volume(scanner, Enumerable.Repeat(4.2f, scanner.VoxelCount).ToArray());

        RegionalStatisticsResult result = RegionalStatistics.Compute(uniform, Affine.FromRigid(5, -10, 20, 5, 0, -3, Point3.Zero), Atlas);
        IReadOnlyDictionary<string, double> suvr = RegionalStatistics.Suvr(result.Means());

        Assert.Equal(18, result.Regions.Count);
        Assert.All(result.Regions, r => Assert.Equal(4.2, r.Mean, 5));
        Assert.All(result.Regions, r => Assert.Equal(1.0, r.Coverage));
        Assert.All(suvr.Values, value => Assert.Equal(1.0, value, 9));
        Assert.Equal(19, suvr.Count);
    }

    [Fact]
    public void PaintedAtlasSampledWithIdentityRecoversThePaintedValues()
    {
        Dictionary<string, double> values = RegionValues.Typical();
        Volume painted = Atlas.Paint(values);

        RegionalStatisticsResult result = RegionalStatistics.Compute(painted, Affine.Identity, Atlas);

        int[] counts = Atlas.VoxelCountsByLabel();
        foreach (RegionStatistic region in result.Regions)
        {
            Assert.Equal(values[region.Name], region.Mean, 5);
            Assert.Equal(counts[region.Label], region.Voxels);
        }

        double expectedBrain = result.Regions.Sum(r => r.Mean * r.Voxels) / result.Regions.Sum(r => r.Voxels);
        Assert.Equal(expectedBrain, result.WholeBrain.Mean, 5);
    }

    [Fact]
    public void PaintedAtlasOnAScannerGridIsRecoveredInLargeRegions()
    {
        // Template painted, moved into a scanner grid under a known rigid motion, measured back through that motion.
        Dictionary<string, double> values = RegionValues.Typical();
        Affine templateToScanner = Affine.FromRigid(12, -8, 30, 8, -6, 10, Point3.Zero);
        var scanner = VolumeGeometry.Centred(128, 128, 80, new Point3(2.3, 2.3, 2.2), new Point3(10, -5, 35));
        Volume image = Resampler.Resample(Atlas.Paint(values), templateToScanner.Inverse(), scanner);

        RegionalStatisticsResult result = RegionalStatistics.Compute(image, templateToScanner, Atlas);

        // Interpolating twice blurs borders: small deep regions lose up to 15 % (putamen is only 10 mm wide), the cortical ribbon against the
        // zero background loses up to ~10 % to partial volume.
        foreach ((string name, double tolerance) in new[] { ("white_matter", 0.08), ("thalamus", 0.15), ("putamen", 0.15), ("frontal_cortex", 0.12), ("cerebellum", 0.12) })
        {
            Assert.True(Math.Abs(result[name].Mean / values[name] - 1) < tolerance, $"{name}: {result[name].Mean} vs {values[name]}");
        }

        Assert.Equal(1.0, result.WholeBrain.Coverage);
    }

    [Fact]
    public void CoverageReportsTheShareInsideTheFieldOfView()
    {
        // A scanner field of view that only holds the upper half of the brain (z > 0).
        var upper = VolumeGeometry.Centred(100, 100, 40, new Point3(2, 2, 2), new Point3(0, 0, 40));
        var image = new Volume(upper, Enumerable.Repeat(1f, upper.VoxelCount).ToArray());

        RegionalStatisticsResult result = RegionalStatistics.Compute(image, Affine.Identity, Atlas);

        Assert.Equal(0.0, result["cerebellum"].Coverage);
        Assert.True(double.IsNaN(result["cerebellum"].Mean));
        Assert.Equal(1.0, result["posterior_cingulate"].Coverage);
        Assert.InRange(result.WholeBrain.Coverage, 0.45, 0.55);
    }

    [Fact]
    public void MeasuringTheResampledImageMatchesSamplingThroughTheTransform()
    {
        // A moved, noisy image whose field of view cuts off the lower brain, so coverage and NaN handling are exercised too.
        Affine templateToScanner = Affine.FromRigid(12, -8, 30, 8, -6, 10, Point3.Zero);
        var scanner = VolumeGeometry.Centred(110, 110, 45, new Point3(2.3, 2.3, 2.2), new Point3(10, -5, 45));
        Volume image = Resampler.Resample(Atlas.Paint(RegionValues.Typical()), templateToScanner.Inverse(), scanner);
        var random = new Random(3);
        for (int i = 0; i < image.Data.Length; i++)
        {
            image.Data[i] += (float)(0.1 * random.NextDouble());
        }

        RegionalStatisticsResult sampled = RegionalStatistics.Compute(image, templateToScanner, Atlas);
        RegionalStatisticsResult resampled = RegionalStatistics.OnAtlasGrid(Resampler.Resample(image, templateToScanner, Atlas.Geometry, float.NaN), Atlas);

        Assert.InRange(sampled.WholeBrain.Coverage, 0.3, 0.95);
        foreach (RegionStatistic region in sampled.Regions.Append(sampled.WholeBrain))
        {
            RegionStatistic other = resampled[region.Name];
            Assert.Equal(region.Voxels, other.Voxels);
            Assert.Equal(region.Coverage, other.Coverage);
            if (region.Voxels > 0)
            {
                // Only the order of the double sums differs.
                Assert.Equal(region.Mean, other.Mean, 1e-12 * Math.Abs(region.Mean));
            }
        }

        Assert.Throws<ArgumentException>(() => RegionalStatistics.OnAtlasGrid(image, Atlas));
    }

    [Fact]
    public void SuvrAgainstAnAtlasRegion()
    {
        var means = new Dictionary<string, double> { ["cerebellum"] = 2.0, ["putamen"] = 3.0, ["whole_brain"] = 2.5 };

        IReadOnlyDictionary<string, double> suvr = RegionalStatistics.Suvr(means, "cerebellum");

        Assert.Equal(1.5, suvr["putamen"]);
        Assert.Equal(1.0, suvr["cerebellum"]);
        Assert.Throws<ArgumentException>(() => RegionalStatistics.Suvr(means, "pons"));
        Assert.Throws<ArgumentException>(() => RegionalStatistics.Suvr(new Dictionary<string, double> { ["whole_brain"] = 0 }));
    }
}
