using System.Buffers.Binary;

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
        // Slice the row once so the loops below index a span of known length.
        var rowLength = Columns * SamplesPerPixel * BytesPerSample;
        var line = destination.Slice(row * rowLength, rowLength)[(FrameComponents[scanComponent] * BytesPerSample)..];
        var step = SamplesPerPixel * BytesPerSample;
        if (BytesPerSample == 1)
        {
            for (var x = 0; x < samples.Length; x++)
                line[x * step] = (byte)samples[x];
        }
        else if (step == 2)
        {
            for (var x = 0; x < samples.Length; x++)
                BinaryPrimitives.WriteUInt16LittleEndian(line[(2 * x)..], (ushort)samples[x]);
        }
        else
        {
            for (var x = 0; x < samples.Length; x++)
            {
                line[x * step] = (byte)samples[x];
                line[x * step + 1] = (byte)(samples[x] >> 8);
            }
        }
    }
}
