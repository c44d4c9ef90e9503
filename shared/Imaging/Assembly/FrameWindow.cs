using AmpaCds.Imaging.Geometry;

namespace AmpaCds.Imaging.Assembly;

/// <summary>
/// The static image of a dynamic study: the frames whose mid-time falls inside a post-injection window,
/// averaged with their durations as weights (the mean activity concentration over the window, as one long
/// frame would have measured it). The outcome window is not published for [11C]K-2, so it is a setting.
/// </summary>
public static class FrameWindow
{
    /// <param name="seriesStartAfterInjectionSeconds">Series reference time minus injection time: Frame Reference Time (0054,1300) counts from the series start.</param>
    public static Volume Sum(IReadOnlyList<PetFrame> frames, double? seriesStartAfterInjectionSeconds, double windowStartMinutes, double windowEndMinutes)
    {
        ArgumentNullException.ThrowIfNull(frames);
        if (frames.Count == 0)
        {
            throw new VolumeAssemblyException(VolumeAssemblyFailure.InconsistentFrames, "The series has no frames.");
        }
        if (frames.Count == 1)
        {
            // A static scan is its own window: its timing is already in the SUV decay correction.
            return frames[0].Volume;
        }
        if (seriesStartAfterInjectionSeconds is not { } offset)
        {
            throw new VolumeAssemblyException(VolumeAssemblyFailure.InconsistentFrames,
                "A dynamic series needs the injection time to place its frames in the post-injection window.");
        }

        var selected = new List<(PetFrame Frame, double Duration)>();
        foreach (PetFrame frame in frames)
        {
            if (frame.FrameDurationMs is not { } duration || !(duration > 0) || frame.FrameReferenceTimeMs is not { } reference)
            {
                throw new VolumeAssemblyException(VolumeAssemblyFailure.InconsistentFrames,
                    "Every frame of a dynamic series needs Frame Reference Time (0054,1300) and Actual Frame Duration (0018,1242).");
            }
            // Frame Reference Time is close to the frame's (decay-weighted) middle.
            double midMinutes = (offset + reference / 1000) / 60;
            if (midMinutes >= windowStartMinutes && midMinutes <= windowEndMinutes)
            {
                selected.Add((frame, duration));
            }
        }

        if (selected.Count == 0)
        {
            string times = string.Join(", ", frames.Select(f => $"{(offset + f.FrameReferenceTimeMs!.Value / 1000) / 60:F1}"));
            throw new VolumeAssemblyException(VolumeAssemblyFailure.InconsistentFrames,
                $"No frame lies in the {windowStartMinutes:F0}-{windowEndMinutes:F0} min post-injection window (frame mid-times: {times} min).");
        }

        var sum = new float[selected[0].Frame.Volume.Data.Length];
        double total = selected.Sum(s => s.Duration);
        foreach ((PetFrame frame, double duration) in selected)
        {
            float weight = (float)(duration / total);
            float[] data = frame.Volume.Data;
            for (int i = 0; i < sum.Length; i++)
            {
                sum[i] += weight * data[i];
            }
        }
        return new Volume(selected[0].Frame.Volume.Geometry, sum);
    }
}
