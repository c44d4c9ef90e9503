using System.Buffers.Binary;

namespace AmpaCds.Dicom.Codecs;

/// <summary>The SOF55 frame header (ITU T.87 C.2.2): precision, size and component identifiers.</summary>
internal sealed record JpegLsFrameHeader(int Precision, int Rows, int Columns, byte[] ComponentIds)
{
    /// <param name="payload">The segment after its length field.</param>
    /// <param name="offset">Offset of the marker, for messages.</param>
    public static JpegLsFrameHeader Parse(ReadOnlySpan<byte> payload, int offset)
    {
        if (payload.Length < 6)
            throw new DicomFormatException($"JPEG-LS SOF55 segment at offset {offset} is too short ({payload.Length + 2} bytes).");
        var precision = payload[0];
        var rows = BinaryPrimitives.ReadUInt16BigEndian(payload[1..]);
        var columns = BinaryPrimitives.ReadUInt16BigEndian(payload[3..]);
        var count = payload[5];
        if (count < 1 || payload.Length != 6 + 3 * count)
            throw new DicomFormatException(
                $"JPEG-LS SOF55 segment at offset {offset} declares {count} components but is {payload.Length + 2} bytes long.");
        if (precision < 2 || precision > 16)
            throw new DicomFormatException($"JPEG-LS sample precision {precision} is outside 2..16.");
        if (rows == 0 || columns == 0)
            throw new DicomFormatException(
                $"JPEG-LS frame size {columns} x {rows} has a zero dimension (sizes defined later by LSE type 4 are not supported).");
        var ids = new byte[count];
        for (var i = 0; i < count; i++)
        {
            var component = payload.Slice(6 + 3 * i, 3);
            ids[i] = component[0];
            if (Array.IndexOf(ids, component[0], 0, i) >= 0)
                throw new DicomFormatException($"JPEG-LS SOF55 lists component {component[0]} twice.");
            if (component[1] != 0x11)
                throw new DicomFormatException(
                    $"JPEG-LS component {component[0]} has sampling factors {component[1] >> 4} x {component[1] & 0xF}; subsampled components are not supported.");
        }
        return new JpegLsFrameHeader(precision, rows, columns, ids);
    }

    /// <summary>Refuses a frame that does not match the dataset's Image Pixel module, naming both values.</summary>
    public void CheckMatches(DicomPixelInfo info)
    {
        if (Columns != info.Columns || Rows != info.Rows)
            throw new DicomFormatException(
                $"JPEG-LS frame is {Columns} x {Rows} (columns x rows) but the Image Pixel module says {info.Columns} x {info.Rows}.");
        if (ComponentIds.Length != info.SamplesPerPixel)
            throw new DicomFormatException(
                $"JPEG-LS frame has {ComponentIds.Length} components but the Image Pixel module says Samples per Pixel {info.SamplesPerPixel}.");
        // Encoders write Bits Stored (CharLS cooked mode) or Bits Allocated (DCMTK raw mode, 12 bits stored in 16).
        if (Precision < info.BitsStored || Precision > info.BitsAllocated)
            throw new DicomFormatException(
                $"JPEG-LS sample precision {Precision} bits does not match the Image Pixel module (Bits Stored {info.BitsStored}, Bits Allocated {info.BitsAllocated}).");
    }
}
