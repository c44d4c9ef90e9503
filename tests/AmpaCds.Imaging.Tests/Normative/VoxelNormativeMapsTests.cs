using AmpaCds.Imaging.Geometry;
using AmpaCds.Imaging.Normative;
using AmpaCds.Imaging;

namespace AmpaCds.Imaging.Tests.Normative;

public sealed class VoxelNormativeMapsTests : IDisposable
{
    private static readonly VolumeGeometry Grid = VolumeGeometry.Centred(3, 2, 2, new Point3(2, 2, 2), Point3.Zero);
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "ampacds-normdb-" + Guid.NewGuid().ToString("N")[..8]);

    private static Volume Filled(Func<int, float> value) => new(Grid, Enumerable.Range(0, Grid.VoxelCount).Select(value).ToArray());

    [Fact]
    public void VoxelMeanSdAndZFollowTheDefinition()
    {
        // Voxel 0 is background (all controls 0): its SD is unusable and its z must be 0, not infinite.
        var controls = new[] { 1.0f, 1.2f, 1.4f }.Select(level => Filled(i => i == 0 ? 0 : level * (1 + i * 0.01f))).ToList();

        var maps = VoxelNormativeMaps.Build(controls);
        var z = maps.ZMap(Filled(i => i == 0 ? 5 : 1.6f * (1 + i * 0.01f)));

        for (var i = 1; i < Grid.VoxelCount; i++)
        {
            var scale = 1 + i * 0.01;
            Assert.Equal(1.2 * scale, maps.Mean.Data[i], 4);
            Assert.Equal(0.2 * scale, maps.Sd.Data[i], 4);
            Assert.Equal(2.0, z.Data[i], 3);
        }
        Assert.Equal(0, z.Data[0]);
    }

    [Fact]
    public void MapsOnAnotherGridAreRefused()
    {
        var maps = VoxelNormativeMaps.Build([Filled(_ => 1), Filled(_ => 2)]);
        var other = Volume.Zeros(VolumeGeometry.Centred(3, 2, 2, new Point3(3, 3, 3), Point3.Zero));
        Assert.Throws<NormativeDataException>(() => maps.ZMap(other));
    }

    [Fact]
    public void TheFileKeepsTheDatabaseAndItsMapsAndRefusesAnotherMeasure()
    {
        var database = NormativeDatabaseBuilder.Build(
            [new NormativeControl("a", 30, new Dictionary<string, double> { ["thalamus"] = 1.1 }), new NormativeControl("b", 40, new Dictionary<string, double> { ["thalamus"] = 1.3 })],
            new NormativeBuildOptions { Version = "v7", ReferenceRegion = "whole_brain", AtlasVersion = "atlas-1", Synthetic = true, MinimumControlsForRegionalSd = 2, BuiltAt = DateTimeOffset.UnixEpoch });
        var maps = VoxelNormativeMaps.Build([Filled(i => i), Filled(i => 2 * i)]);
        var path = Path.Combine(_folder, "db.json");

        NormativeDatabaseFile.Write(database, maps, path);
        var read = NormativeDatabaseFile.Read(path);
        var readMaps = NormativeDatabaseFile.ReadMaps(read, path)!;

        Assert.Equal("v7", read.Version);
        Assert.True(read.Synthetic);
        Assert.Equal(1.2, read.Region("thalamus")!.Mean, 12);
        Assert.Equal("db.mean.nii.gz", read.VoxelMeanMap);
        Assert.Equal(maps.Mean.Data, readMaps.Mean.Data);
        Assert.Equal(maps.Sd.Data, readMaps.Sd.Data);
        Assert.True(readMaps.Mean.Geometry.SameGridAs(Grid, 1e-4));

        File.WriteAllText(path, File.ReadAllText(path).Replace("\"suvr\"", "\"suv\"", StringComparison.Ordinal));
        Assert.Contains("not SUVR", Assert.Throws<NormativeDataException>(() => NormativeDatabaseFile.Read(path)).Message, StringComparison.Ordinal);
        Assert.Contains("does not exist", Assert.Throws<NormativeDataException>(() => NormativeDatabaseFile.Read(path + ".missing")).Message, StringComparison.Ordinal);
    }

    public void Dispose()
    {
        if (Directory.Exists(_folder))
        {
            Directory.Delete(_folder, recursive: true);
        }
    }
}
