namespace AmpaCds.Dicom.Codecs;

/// <summary>
/// Where the decoded lines of a scan go in the native frame: little-endian samples of
/// <see cref="BytesPerSample"/> bytes, components interleaved per pixel (Planar Configuration 0).
/// <see cref="FrameComponents"/> maps a scan's component order to the component's index in the frame.
/// </summary>
internal sealed record JpegLsOutputLayout(int Columns, int SamplesPerPixel, int BytesPerSample, int[] FrameComponents)
{
    public void WriteLine(Span<byte> destination, int row, int scanComponent, ReadOnlySpan<int> samples)
    {
        var index = (long)row * Columns * SamplesPerPixel + FrameComponents[scanComponent];
        if (BytesPerSample == 1)
        {
            for (var x = 0; x < samples.Length; x++, index += SamplesPerPixel)
                destination[(int)index] = (byte)samples[x];
        }
        else
        {
            for (var x = 0; x < samples.Length; x++, index += SamplesPerPixel)
            {
                var offset = (int)(index * 2);
                destination[offset] = (byte)samples[x];
                destination[offset + 1] = (byte)(samples[x] >> 8);
            }
        }
    }
}
