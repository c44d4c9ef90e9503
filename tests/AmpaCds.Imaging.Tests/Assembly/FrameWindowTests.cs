using AmpaCds.Imaging.Assembly;
using AmpaCds.Imaging.Geometry;
using AmpaCds.Imaging;

namespace AmpaCds.Imaging.Tests.Assembly;

public sealed class FrameWindowTests
{
    private static readonly VolumeGeometry Grid = VolumeGeometry.Centred(2, 2, 2, new Point3(2, 2, 2), Point3.Zero);

    /// <summary>A frame of constant activity starting <paramref name="startMin"/> after the series start.</summary>
    private static PetFrame Frame(double startMin, double durationMin, float activity) =>
        new((startMin + durationMin / 2) * 60_000, durationMin * 60_000, new Volume(Grid, Enumerable.Repeat(activity, Grid.VoxelCount).ToArray()));

    [Fact]
    public void FramesInsideTheWindowAreAveragedWithTheirDurations()
    {
        // Series starts 30 min after injection: frames 30-40 (mid 35), 40-50 (mid 45), 50-55 (mid 52.5), 55-75 (mid 65).
        PetFrame[] frames = [Frame(0, 10, 100), Frame(10, 10, 2), Frame(20, 5, 8), Frame(25, 20, 1000)];

        Volume window = FrameWindow.Sum(frames, seriesStartAfterInjectionSeconds: 30 * 60, windowStartMinutes: 40, windowEndMinutes: 60);

        Assert.All(window.Data, value => Assert.Equal((10 * 2 + 5 * 8) / 15.0, value, 5));
    }

    [Fact]
    public void AStaticSeriesIsUsedAsItIsWhateverTheWindow()
    {
        var only = Frame(0, 20, 3);
        Assert.Same(only.Volume, FrameWindow.Sum([only], null, 40, 60));
    }

    [Fact]
    public void ADynamicSeriesWithoutInjectionTimeOrWithNoFrameInTheWindowIsRefusedWithTheReason()
    {
        PetFrame[] frames = [Frame(0, 10, 1), Frame(10, 10, 2)];

        var noInjection = Assert.Throws<VolumeAssemblyException>(() => FrameWindow.Sum(frames, null, 40, 60));
        Assert.Contains("injection time", noInjection.Message, StringComparison.Ordinal);

        var outside = Assert.Throws<VolumeAssemblyException>(() => FrameWindow.Sum(frames, 0, 40, 60));
        Assert.Contains("frame mid-times: 5.0, 15.0 min", outside.Message, StringComparison.Ordinal);
    }
}
