using AmpaCds.Imaging.Assembly;
using AmpaCds.Imaging.Tests.Support;
using AmpaCds.Imaging;

namespace AmpaCds.Imaging.Tests.Assembly;

public sealed class FrameAssemblerTests
{
    [Fact]
    public void DynamicSeriesIsSplitIntoFramesOrderedByTime()
    {
        var slices = new List<SliceImage>();
        foreach (double start in new[] { 600_000.0, 0.0, 300_000.0 })
        {
            slices.AddRange(SliceFactory.Axial().Select(s => s with { FrameReferenceTimeMs = start, FrameDurationMs = 300_000 }));
        }

        IReadOnlyList<PetFrame> frames = FrameAssembler.Assemble(SliceFactory.Shuffle(slices, 5));

        Assert.Equal(new double?[] { 0, 300_000, 600_000 }, frames.Select(f => f.FrameReferenceTimeMs));
        Assert.All(frames, f => Assert.Equal(6, f.Volume.Nz));
        Assert.All(frames, f => Assert.Equal(300_000, f.FrameDurationMs));
    }

    [Fact]
    public void StaticSeriesIsOneUntimedFrame()
    {
        IReadOnlyList<PetFrame> frames = FrameAssembler.Assemble(SliceFactory.Axial());

        Assert.Single(frames);
        Assert.Null(frames[0].FrameReferenceTimeMs);
    }

    [Fact]
    public void MixingTimedAndUntimedSlicesIsRejected()
    {
        List<SliceImage> slices = SliceFactory.Axial();
        slices[0] = slices[0] with { FrameReferenceTimeMs = 0 };

        var error = Assert.Throws<VolumeAssemblyException>(() => FrameAssembler.Assemble(slices));

        Assert.Equal(VolumeAssemblyFailure.InconsistentFrames, error.Reason);
    }
}
