using System.Buffers.Binary;

namespace AmpaCds.Dicom.Codecs;

/// <summary>
/// RLE Lossless (PS3.5 Annex G): a 64-byte header of segment offsets, then one PackBits segment per byte of
/// each sample, most significant byte first ("byte planes"). Every segment must expand to exactly
/// Rows x Columns bytes; the header must describe exactly the segments the Image Pixel module needs.
/// </summary>
public sealed class RleLosslessDecoder : IFrameDecoder
{
    private const int HeaderLength = 64;
    private const int MaxSegments = 15;

    public IReadOnlyList<string> TransferSyntaxUids { get; } = [CompressedTransferSyntaxes.RleLossless];

    public void Decode(ReadOnlySpan<byte> frame, DicomPixelInfo info, Span<byte> destination)
    {
        var bytesPerSample = CheckPixelModule(info);
        if (destination.Length != info.FrameLength)
        {
            throw new ArgumentException($"Destination holds {destination.Length} bytes, the frame needs {info.FrameLength}.", nameof(destination));
        }
        var segments = ReadSegmentBounds(frame, info.SamplesPerPixel * bytesPerSample);
        var pixelCount = info.Rows * info.Columns;
        var pixelStride = info.SamplesPerPixel * bytesPerSample;
        for (var segment = 0; segment < segments.Length; segment++)
        {
            // Segment order is sample 0 MSB..LSB, sample 1 MSB..LSB, ...; native output is little-endian.
            var sample = segment / bytesPerSample;
            var byteInSample = bytesPerSample - 1 - segment % bytesPerSample;
            var (start, end) = segments[segment];
            RleSegment.Expand(frame[start..end], segment, pixelCount, destination[(sample * bytesPerSample + byteInSample)..], pixelStride);
        }
    }

    /// <summary>Bytes per sample, after refusing geometry this codec cannot represent.</summary>
    private static int CheckPixelModule(DicomPixelInfo info)
    {
        if (info.BitsAllocated is not (8 or 16 or 32))
        {
            throw new DicomFormatException($"RLE Lossless: Bits Allocated {info.BitsAllocated} is not supported (8, 16 or 32).");
        }
        if (info.SamplesPerPixel is not (1 or 3))
        {
            throw new DicomFormatException($"RLE Lossless: Samples per Pixel {info.SamplesPerPixel} is not supported (1 or 3).");
        }
        if (info.Rows < 1 || info.Columns < 1 || (long)info.Rows * info.Columns * info.SamplesPerPixel * (info.BitsAllocated / 8) > int.MaxValue)
        {
            throw new DicomFormatException($"RLE Lossless: image size {info.Columns} x {info.Rows} is empty or too large.");
        }
        return info.BitsAllocated / 8;
    }

    /// <summary>Start and end of every segment, from the header; each must lie inside the frame, in increasing order.</summary>
    private static (int Start, int End)[] ReadSegmentBounds(ReadOnlySpan<byte> frame, int expectedSegments)
    {
        if (frame.Length < HeaderLength)
        {
            throw new DicomFormatException($"RLE Lossless frame is {frame.Length} bytes, shorter than its {HeaderLength}-byte header.");
        }
        var count = BinaryPrimitives.ReadUInt32LittleEndian(frame);
        if (count is < 1 or > MaxSegments)
        {
            throw new DicomFormatException($"RLE Lossless header declares {count} segments; 1..{MaxSegments} are allowed.");
        }
        if (count != expectedSegments)
        {
            throw new DicomFormatException(
                $"RLE Lossless header declares {count} segments, the Image Pixel module needs {expectedSegments} (Samples per Pixel x bytes per sample).");
        }
        var bounds = new (int Start, int End)[count];
        long previous = HeaderLength - 1;
        for (var i = 0; i < count; i++)
        {
            long offset = BinaryPrimitives.ReadUInt32LittleEndian(frame[(4 + 4 * i)..]);
            if (offset <= previous || offset >= frame.Length)
            {
                throw new DicomFormatException(
                    $"RLE Lossless segment {i} offset {offset} is not inside the {frame.Length}-byte frame after the header and the previous segment.");
            }
            bounds[i].Start = (int)offset;
            if (i > 0)
            {
                bounds[i - 1].End = (int)offset;
            }
            previous = offset;
        }
        bounds[count - 1].End = frame.Length;
        return bounds;
    }
}
