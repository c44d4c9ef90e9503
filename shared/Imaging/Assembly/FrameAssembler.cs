using AmpaCds.Imaging.Geometry;

namespace AmpaCds.Imaging.Assembly;

/// <summary>
/// Splits a dynamic series into frames by <see cref="SliceImage.FrameReferenceTimeMs"/> and stacks each with
/// <see cref="VolumeAssembler"/>. Slices without timing form one frame, so static series work too.
/// </summary>
public static class FrameAssembler
{
    public static IReadOnlyList<PetFrame> Assemble(IReadOnlyList<SliceImage> slices)
    {
        ArgumentNullException.ThrowIfNull(slices);
        var groups = new SortedDictionary<double, List<SliceImage>>();
        foreach (SliceImage slice in slices)
        {
            // Untimed slices sort first under a key no real frame time can take.
            double key = slice.FrameReferenceTimeMs ?? double.NegativeInfinity;
            if (!groups.TryGetValue(key, out List<SliceImage>? group))
            {
                groups[key] = group = [];
            }

            group.Add(slice);
        }

        if (groups.Count > 1 && groups.ContainsKey(double.NegativeInfinity))
        {
            throw new VolumeAssemblyException(VolumeAssemblyFailure.InconsistentFrames, "Some slices carry frame timing and others do not.");
        }

        var frames = new List<PetFrame>(groups.Count);
        foreach ((double key, List<SliceImage> group) in groups)
        {
            Volume volume = VolumeAssembler.Assemble(group);
            if (frames.Count > 0 && !frames[0].Volume.Geometry.SameGridAs(volume.Geometry, 1e-3))
            {
                throw new VolumeAssemblyException(VolumeAssemblyFailure.InconsistentFrames, $"Frame at {key} ms lies on a different grid from the first frame.");
            }

            frames.Add(new PetFrame(double.IsFinite(key) ? key : null, group[0].FrameDurationMs, volume));
        }

        return frames;
    }
}
