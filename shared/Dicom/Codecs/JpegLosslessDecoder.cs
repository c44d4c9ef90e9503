namespace AmpaCds.Dicom.Codecs;

/// <summary>
/// JPEG Lossless, Non-Hierarchical, Process 14 (ITU T.81 Annex H), any selection value 1..7, which also
/// covers the SV1 syntax. Reads SOI, SOF3, DHT, DRI, SOS and its entropy-coded data with RSTn markers,
/// up to EOI; APPn, COM and DQT segments are skipped. Every other frame type is refused: it is lossy or not
/// a process DICOM uses for lossless data. For Pixel Representation 1 the stream carries the two's-complement
/// bit pattern of the stored value (as DCMTK writes it), so the bits are stored as decoded.
/// </summary>
public sealed class JpegLosslessDecoder : IFrameDecoder
{
    private const int HuffmanTableSlots = 4;

    public IReadOnlyList<string> TransferSyntaxUids { get; } =
        [CompressedTransferSyntaxes.JpegLossless, CompressedTransferSyntaxes.JpegLosslessSv1];

    public void Decode(ReadOnlySpan<byte> frame, DicomPixelInfo info, Span<byte> destination)
    {
        var bytesPerSample = CheckPixelModule(info);
        if (destination.Length != info.FrameLength)
        {
            throw new ArgumentException($"Destination holds {destination.Length} bytes, the frame needs {info.FrameLength}.", nameof(destination));
        }
        if (frame.Length < 2 || frame[0] != 0xFF || frame[1] != JpegMarkers.Soi)
        {
            throw new DicomFormatException("JPEG stream does not start with an SOI marker (FF D8).");
        }
        var position = 2;
        JpegFrameHeader? header = null;
        bool[] decoded = [];
        var tables = new JpegHuffmanTable?[HuffmanTableSlots];
        var restartInterval = 0;
        while (true)
        {
            var markerOffset = position;
            var marker = ReadMarker(frame, ref position);
            if (marker == JpegMarkers.Eoi)
            {
                if (header is null || decoded.Contains(false))
                {
                    throw new DicomFormatException($"JPEG EOI at offset {markerOffset} before every component of the frame was decoded.");
                }
                return;
            }
            RefuseUnsupported(marker, markerOffset);
            var body = SegmentBody(frame, ref position, marker, markerOffset);
            switch (marker)
            {
                case JpegMarkers.Sof3 when header is null:
                    header = JpegFrameHeader.Parse(body, info);
                    decoded = new bool[header.ComponentIds.Length];
                    break;
                case JpegMarkers.Sof3:
                    throw new DicomFormatException($"JPEG stream has a second frame header at offset {markerOffset}.");
                case JpegMarkers.Dht:
                    ReadHuffmanTables(body, tables);
                    break;
                case JpegMarkers.Dri:
                    restartInterval = body.Length == 2
                        ? body[0] << 8 | body[1]
                        : throw new DicomFormatException($"JPEG DRI segment at offset {markerOffset} is {body.Length} bytes, 2 expected.");
                    break;
                case JpegMarkers.Sos:
                    if (header is null)
                    {
                        throw new DicomFormatException($"JPEG SOS at offset {markerOffset} comes before the SOF3 frame header.");
                    }
                    var scan = JpegScanHeader.Parse(body, header, tables, decoded);
                    position = JpegLosslessScan.Decode(frame, position, header, scan, restartInterval, bytesPerSample, destination);
                    break;
                default:
                    break; // DQT, COM, APPn: no meaning for lossless decoding
            }
        }
    }

    /// <summary>Refuses other frame types and markers that have no place here, before reading their segment.</summary>
    private static void RefuseUnsupported(byte marker, int markerOffset)
    {
        if (marker != JpegMarkers.Sof3 && JpegMarkers.IsStartOfFrame(marker))
        {
            throw new DicomFormatException(
                $"JPEG process {JpegMarkers.Process(marker)} ({JpegMarkers.Name(marker)}) is lossy or not supported; only lossless process 14 is decoded.");
        }
        if (marker is not (JpegMarkers.Sof3 or JpegMarkers.Dht or JpegMarkers.Dri or JpegMarkers.Sos or JpegMarkers.Dqt or JpegMarkers.Com)
            and not (>= JpegMarkers.App0 and <= JpegMarkers.App15))
        {
            throw new DicomFormatException($"JPEG marker {JpegMarkers.Name(marker)} at offset {markerOffset} is not supported in a lossless stream.");
        }
    }

    /// <summary>Bytes per sample, after refusing an Image Pixel module that lossless JPEG cannot fill.</summary>
    private static int CheckPixelModule(DicomPixelInfo info)
    {
        if (info.BitsAllocated is not (8 or 16 or 32))
        {
            throw new DicomFormatException($"JPEG Lossless: Bits Allocated {info.BitsAllocated} is not supported (8, 16 or 32).");
        }
        if (info.SamplesPerPixel < 1 || info.Rows < 1 || info.Columns < 1
            || (long)info.Rows * info.Columns * info.SamplesPerPixel * (info.BitsAllocated / 8) > int.MaxValue)
        {
            throw new DicomFormatException(
                $"JPEG Lossless: image {info.Columns} x {info.Rows} with {info.SamplesPerPixel} samples per pixel is empty or too large.");
        }
        return info.BitsAllocated / 8;
    }

    /// <summary>The marker code at <paramref name="position"/>, after any 0xFF fill bytes (B.1.1.2).</summary>
    private static byte ReadMarker(ReadOnlySpan<byte> frame, ref int position)
    {
        if (position >= frame.Length)
        {
            throw new DicomFormatException($"JPEG stream ends at offset {position} without an EOI marker.");
        }
        if (frame[position] != 0xFF)
        {
            throw new DicomFormatException($"JPEG marker expected at offset {position}, found byte 0x{frame[position]:X2}.");
        }
        while (position < frame.Length && frame[position] == 0xFF)
        {
            position++;
        }
        if (position >= frame.Length)
        {
            throw new DicomFormatException($"JPEG stream ends at offset {position} without an EOI marker.");
        }
        var code = frame[position++];
        if (code == 0x00)
        {
            throw new DicomFormatException($"JPEG stuffed byte FF 00 at offset {position - 2} where a marker was expected.");
        }
        return code;
    }

    /// <summary>The segment's parameters after its 16-bit length (which counts itself), checked against the data left.</summary>
    private static ReadOnlySpan<byte> SegmentBody(ReadOnlySpan<byte> frame, ref int position, byte marker, int markerOffset)
    {
        var name = JpegMarkers.Name(marker);
        if (frame.Length - position < 2)
        {
            throw new DicomFormatException($"JPEG {name} segment at offset {markerOffset} is cut off before its length.");
        }
        var length = frame[position] << 8 | frame[position + 1];
        if (length < 2 || length > frame.Length - position)
        {
            throw new DicomFormatException(
                $"JPEG {name} segment at offset {markerOffset} claims {length} bytes, {frame.Length - position} remain.");
        }
        var body = frame.Slice(position + 2, length - 2);
        position += length;
        return body;
    }

    /// <summary>A DHT segment may define several tables (B.2.4.2). Lossless scans use the DC class (Tc 0).</summary>
    private static void ReadHuffmanTables(ReadOnlySpan<byte> body, JpegHuffmanTable?[] tables)
    {
        while (!body.IsEmpty)
        {
            if (body.Length < 17)
            {
                throw new DicomFormatException($"JPEG DHT segment has {body.Length} bytes left, too few for a table.");
            }
            var tableClass = body[0] >> 4;
            var slot = body[0] & 0xF;
            if (tableClass > 1 || slot >= HuffmanTableSlots)
            {
                throw new DicomFormatException($"JPEG DHT defines table class {tableClass}, destination {slot}; class 0..1 and destination 0..3 are allowed.");
            }
            var counts = body.Slice(1, 16);
            var total = 0;
            foreach (var count in counts)
            {
                total += count;
            }
            if (total > 256 || body.Length - 17 < total)
            {
                throw new DicomFormatException($"JPEG DHT table declares {total} codes, {body.Length - 17} value bytes remain (at most 256 allowed).");
            }
            var table = new JpegHuffmanTable(counts, body.Slice(17, total));
            if (tableClass == 0)
            {
                tables[slot] = table;
            }
            body = body[(17 + total)..];
        }
    }
}
