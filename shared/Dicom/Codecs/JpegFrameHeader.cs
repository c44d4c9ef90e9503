namespace AmpaCds.Dicom.Codecs;

/// <summary>
/// A lossless (SOF3) frame header (T.81 B.2.2), checked against the Image Pixel module so that a stream
/// describing another image is refused instead of being cut or padded to fit.
/// </summary>
internal sealed class JpegFrameHeader
{
    private JpegFrameHeader(int precision, int rows, int columns, byte[] componentIds)
    {
        Precision = precision;
        Rows = rows;
        Columns = columns;
        ComponentIds = componentIds;
    }

    /// <summary>Sample precision P in bits (2..16 for lossless).</summary>
    public int Precision { get; }

    public int Rows { get; }

    public int Columns { get; }

    /// <summary>Component identifiers in frame order: the order of the samples in each output pixel.</summary>
    public byte[] ComponentIds { get; }

    /// <param name="body">The segment after its length field.</param>
    public static JpegFrameHeader Parse(ReadOnlySpan<byte> body, DicomPixelInfo info)
    {
        if (body.Length < 6)
        {
            throw new DicomFormatException($"JPEG SOF3 segment is {body.Length} bytes, too short for a frame header.");
        }
        int precision = body[0];
        var rows = body[1] << 8 | body[2];
        var columns = body[3] << 8 | body[4];
        int components = body[5];
        if (body.Length != 6 + 3 * components)
        {
            throw new DicomFormatException($"JPEG SOF3 segment is {body.Length} bytes, {6 + 3 * components} expected for {components} components.");
        }
        if (precision is < 2 or > 16)
        {
            throw new DicomFormatException($"JPEG lossless precision {precision} is outside 2..16.");
        }
        if (precision < info.BitsStored || precision > info.BitsAllocated)
        {
            throw new DicomFormatException(
                $"JPEG precision {precision} bits does not match the Image Pixel module: Bits Stored {info.BitsStored}, Bits Allocated {info.BitsAllocated}.");
        }
        if (rows == 0)
        {
            throw new DicomFormatException("JPEG frame declares 0 lines (height defined by a DNL marker), which is not supported.");
        }
        if (rows != info.Rows || columns != info.Columns)
        {
            throw new DicomFormatException(
                $"JPEG frame is {columns} x {rows} (columns x rows), the Image Pixel module says {info.Columns} x {info.Rows}.");
        }
        if (components != info.SamplesPerPixel)
        {
            throw new DicomFormatException(
                $"JPEG frame has {components} components, the Image Pixel module says Samples per Pixel {info.SamplesPerPixel}.");
        }
        var ids = new byte[components];
        for (var i = 0; i < components; i++)
        {
            var component = body.Slice(6 + 3 * i, 3);
            ids[i] = component[0];
            if (ids.AsSpan(0, i).Contains(ids[i]))
            {
                throw new DicomFormatException($"JPEG frame lists component {ids[i]} twice.");
            }
            // With one sample of every component per MCU the output interleaves like Planar Configuration 0.
            if (components > 1 && component[1] != 0x11)
            {
                throw new DicomFormatException(
                    $"JPEG component {ids[i]} has sampling factors {component[1] >> 4}x{component[1] & 0xF}; only 1x1 is supported.");
            }
        }
        return new JpegFrameHeader(precision, rows, columns, ids);
    }
}
