namespace AmpaCds.Dicom.Codecs;

/// <summary>One PackBits segment of an RLE Lossless frame (PS3.5 G.3.1).</summary>
internal static class RleSegment
{
    /// <summary>
    /// Expands <paramref name="segment"/> into exactly <paramref name="byteCount"/> bytes written every
    /// <paramref name="stride"/> bytes of <paramref name="destination"/>. The segment is measured first so a
    /// size mismatch is reported with both sizes before anything is written.
    /// </summary>
    public static void Expand(ReadOnlySpan<byte> segment, int index, int byteCount, Span<byte> destination, int stride)
    {
        CheckLength(segment, index, byteCount);
        var input = 0;
        var written = 0;
        while (written < byteCount)
        {
            var header = (sbyte)segment[input++];
            if (header >= 0)
            {
                // Literal run: the next header + 1 bytes as they are.
                var length = header + 1;
                for (var i = 0; i < length; i++)
                {
                    destination[(written + i) * stride] = segment[input + i];
                }
                input += length;
                written += length;
            }
            else if (header != -128)
            {
                // Replicate run: the next byte 1 - header times. -128 is a no-op by definition.
                var length = 1 - header;
                var value = segment[input++];
                for (var i = 0; i < length; i++)
                {
                    destination[(written + i) * stride] = value;
                }
                written += length;
            }
        }
    }

    /// <summary>
    /// The segment must decode to exactly Rows x Columns bytes. Encoders pad segments to an even length
    /// (DCMTK does), so one byte after the last run is accepted; a longer incomplete run means the data was cut.
    /// </summary>
    private static void CheckLength(ReadOnlySpan<byte> segment, int index, int byteCount)
    {
        long decoded = 0;
        var input = 0;
        while (input < segment.Length)
        {
            var header = (sbyte)segment[input];
            var runBytes = header >= 0 ? header + 2 : header == -128 ? 1 : 2;
            if (segment.Length - input < runBytes)
            {
                break;
            }
            decoded += header >= 0 ? header + 1 : header == -128 ? 0 : 1 - header;
            input += runBytes;
        }
        var leftover = segment.Length - input;
        if (decoded != byteCount)
        {
            var cut = leftover > 0 ? ", its last run is cut off" : "";
            throw new DicomFormatException(
                $"RLE Lossless segment {index} decodes to {decoded} bytes{cut}; the Image Pixel module needs {byteCount} (Rows x Columns).");
        }
        if (leftover > 1)
        {
            throw new DicomFormatException(
                $"RLE Lossless segment {index} ends with an incomplete run of {leftover} bytes after its {byteCount} bytes.");
        }
    }
}
