using System.Buffers.Binary;

namespace AmpaCds.Dicom.Codecs;

/// <summary>
/// Lossless JPEG-LS (ITU T.87 / ISO 14495-1), transfer syntax 1.2.840.10008.1.2.4.80: SOF55, LSE preset
/// parameters (type 1), DRI/RSTn, interleave modes none/line/sample, marker stuffing. Near-lossless streams,
/// point transforms, mapping tables and subsampling are refused with a <see cref="DicomFormatException"/>.
/// Samples are written as the decoded bit pattern: for Pixel Representation 1 that is the stored two's
/// complement value, exactly what DCMTK encoded.
/// </summary>
public sealed class JpegLsDecoder : IFrameDecoder
{
    public const string LosslessTransferSyntaxUid = "1.2.840.10008.1.2.4.80";

    public IReadOnlyList<string> TransferSyntaxUids { get; } = [LosslessTransferSyntaxUid];

    public void Decode(ReadOnlySpan<byte> frame, DicomPixelInfo info, Span<byte> destination)
    {
        var bytesPerSample = CheckPixelInfo(info);
        var frameLength = (long)info.Rows * info.Columns * info.SamplesPerPixel * bytesPerSample;
        if (destination.Length != frameLength)
            throw new ArgumentException($"Destination holds {destination.Length} bytes, the frame needs {frameLength}.", nameof(destination));
        if (frame.Length < 2 || frame[0] != 0xFF || frame[1] != JpegMarkers.Soi)
            throw new DicomFormatException("JPEG-LS stream does not start with an SOI marker (0xFFD8).");

        var offset = 2;
        JpegLsFrameHeader? header = null;
        var presets = JpegLsPresetParameters.Defaults;
        var restartInterval = 0;
        bool[] decoded = [];
        while (true)
        {
            var markerAt = offset;
            var code = JpegLsMarkers.Read(frame, ref offset);
            switch (code)
            {
                case JpegMarkers.Eoi:
                    if (header is null)
                        throw new DicomFormatException($"JPEG-LS stream reaches EOI at offset {markerAt} without a frame header (SOF55).");
                    var missing = Array.IndexOf(decoded, false);
                    if (missing >= 0)
                        throw new DicomFormatException(
                            $"JPEG-LS stream reaches EOI at offset {markerAt} before component {header.ComponentIds[missing]} was decoded.");
                    return;
                case JpegMarkers.SofJpegLs:
                    if (header is not null)
                        throw new DicomFormatException($"JPEG-LS stream has a second SOF55 at offset {markerAt}.");
                    header = JpegLsFrameHeader.Parse(ReadSegment(frame, ref offset, markerAt, "SOF55"), markerAt);
                    header.CheckMatches(info);
                    decoded = new bool[header.ComponentIds.Length];
                    break;
                case JpegMarkers.Lse:
                    presets = ParsePresets(ReadSegment(frame, ref offset, markerAt, "LSE"), markerAt);
                    break;
                case JpegMarkers.Dri:
                    restartInterval = ParseRestartInterval(ReadSegment(frame, ref offset, markerAt, "DRI"), markerAt);
                    break;
                case JpegMarkers.Sos:
                    if (header is null)
                        throw new DicomFormatException($"JPEG-LS stream has SOS at offset {markerAt} before the frame header (SOF55).");
                    var scan = JpegLsScanHeader.Parse(ReadSegment(frame, ref offset, markerAt, "SOS"), markerAt);
                    var layout = new JpegLsOutputLayout(info.Columns, info.SamplesPerPixel, bytesPerSample,
                        MapComponents(scan, header, decoded, markerAt));
                    var decoder = new JpegLsScanDecoder(presets.Resolve(header.Precision), header.Columns, header.Rows,
                        restartInterval, scan.InterleaveMode == JpegLsScanHeader.InterleaveSample && scan.ComponentIds.Length > 1, layout);
                    offset = decoder.Decode(frame, offset, destination);
                    break;
                case JpegMarkers.Com:
                    ReadSegment(frame, ref offset, markerAt, "COM");
                    break;
                case >= JpegMarkers.App0 and <= JpegMarkers.App15:
                    CheckApplicationSegment(code, ReadSegment(frame, ref offset, markerAt, "APPn"));
                    break;
                case >= 0xC0 and <= 0xCF when code is not (0xC4 or 0xC8 or 0xCC):
                    throw new DicomFormatException(
                        $"JPEG-LS stream has frame marker 0xFF{code:X2} at offset {markerAt}; only SOF55 (0xFFF7, JPEG-LS) is supported here.");
                default:
                    throw new DicomFormatException($"JPEG-LS stream has unexpected marker 0xFF{code:X2} at offset {markerAt}.");
            }
        }
    }

    private static int CheckPixelInfo(DicomPixelInfo info)
    {
        if (info.BitsAllocated is not (8 or 16))
            throw new DicomFormatException($"JPEG-LS decoding needs Bits Allocated 8 or 16; the Image Pixel module says {info.BitsAllocated}.");
        if (info.Rows < 1 || info.Columns < 1 || info.SamplesPerPixel < 1)
            throw new DicomFormatException(
                $"Image Pixel module describes an empty frame ({info.Columns} x {info.Rows}, {info.SamplesPerPixel} samples per pixel).");
        return info.BitsAllocated / 8;
    }

    /// <summary>The segment after the marker at <paramref name="markerAt"/>, without its length field.</summary>
    private static ReadOnlySpan<byte> ReadSegment(ReadOnlySpan<byte> frame, ref int offset, int markerAt, string name)
    {
        if (offset + 2 > frame.Length)
            throw new DicomFormatException($"JPEG-LS {name} segment at offset {markerAt} is truncated.");
        var length = BinaryPrimitives.ReadUInt16BigEndian(frame[offset..]);
        if (length < 2 || offset + length > frame.Length)
            throw new DicomFormatException(
                $"JPEG-LS {name} segment at offset {markerAt} claims {length} bytes but {frame.Length - offset} remain.");
        var payload = frame.Slice(offset + 2, length - 2);
        offset += length;
        return payload;
    }

    private static JpegLsPresetParameters ParsePresets(ReadOnlySpan<byte> payload, int markerAt)
    {
        if (payload.Length < 1)
            throw new DicomFormatException($"JPEG-LS LSE segment at offset {markerAt} is empty.");
        switch (payload[0])
        {
            case 1:
                if (payload.Length != 11)
                    throw new DicomFormatException($"JPEG-LS LSE preset parameters at offset {markerAt} are {payload.Length + 2} bytes, expected 13.");
                return new JpegLsPresetParameters(
                    BinaryPrimitives.ReadUInt16BigEndian(payload[1..]), BinaryPrimitives.ReadUInt16BigEndian(payload[3..]),
                    BinaryPrimitives.ReadUInt16BigEndian(payload[5..]), BinaryPrimitives.ReadUInt16BigEndian(payload[7..]),
                    BinaryPrimitives.ReadUInt16BigEndian(payload[9..]));
            case 2 or 3:
                throw new DicomFormatException($"JPEG-LS mapping tables (LSE type {payload[0]}) are not supported.");
            case 4:
                throw new DicomFormatException("JPEG-LS oversize image dimensions (LSE type 4) are not supported.");
            default:
                throw new DicomFormatException($"JPEG-LS LSE segment at offset {markerAt} has unknown type {payload[0]}.");
        }
    }

    private static int ParseRestartInterval(ReadOnlySpan<byte> payload, int markerAt)
    {
        // T.87 allows Ri in 2, 3 or 4 bytes (Lr = 4..6).
        if (payload.Length is < 2 or > 4)
            throw new DicomFormatException($"JPEG-LS DRI segment at offset {markerAt} has an invalid length ({payload.Length + 2}).");
        long interval = 0;
        foreach (var b in payload) interval = (interval << 8) | b;
        return (int)Math.Min(interval, int.MaxValue);
    }

    /// <summary>Frame component index of each scan component; a component may be coded by one scan only.</summary>
    private static int[] MapComponents(JpegLsScanHeader scan, JpegLsFrameHeader header, bool[] decoded, int markerAt)
    {
        var map = new int[scan.ComponentIds.Length];
        for (var i = 0; i < map.Length; i++)
        {
            var index = Array.IndexOf(header.ComponentIds, scan.ComponentIds[i]);
            if (index < 0)
                throw new DicomFormatException($"JPEG-LS scan at offset {markerAt} refers to component {scan.ComponentIds[i]}, which the frame does not have.");
            if (decoded[index])
                throw new DicomFormatException($"JPEG-LS scan at offset {markerAt} codes component {scan.ComponentIds[i]} a second time.");
            decoded[index] = true;
            map[i] = index;
        }
        return map;
    }

    // CharLS signals its non-standard colour transforms (HP1..HP3) in an APP8 "mrfx" segment; decoding
    // without undoing them would silently give wrong colours.
    private static void CheckApplicationSegment(byte code, ReadOnlySpan<byte> payload)
    {
        if (code == 0xE8 && payload.Length >= 5 && payload[..4].SequenceEqual("mrfx"u8) && payload[4] != 0)
            throw new DicomFormatException($"JPEG-LS colour transform HP{payload[4]} (CharLS APP8 extension) is not supported.");
    }
}
