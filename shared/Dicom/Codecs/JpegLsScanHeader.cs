namespace AmpaCds.Dicom.Codecs;

/// <summary>The SOS header of a JPEG-LS scan (ITU T.87 C.2.3), validated for lossless decoding.</summary>
internal sealed record JpegLsScanHeader(byte[] ComponentIds, int InterleaveMode)
{
    public const int InterleaveNone = 0;
    public const int InterleaveLine = 1;
    public const int InterleaveSample = 2;

    /// <param name="payload">The segment after its length field.</param>
    /// <param name="offset">Offset of the marker, for messages.</param>
    public static JpegLsScanHeader Parse(ReadOnlySpan<byte> payload, int offset)
    {
        if (payload.Length < 1 || payload[0] < 1 || payload[0] > 4 || payload.Length != 1 + 2 * payload[0] + 3)
            throw new DicomFormatException($"JPEG-LS SOS segment at offset {offset} has an invalid length or component count.");
        var count = payload[0];
        var ids = new byte[count];
        for (var i = 0; i < count; i++)
        {
            ids[i] = payload[1 + 2 * i];
            var mappingTable = payload[2 + 2 * i];
            if (mappingTable != 0)
                throw new DicomFormatException(
                    $"JPEG-LS mapping tables are not supported (scan component {ids[i]} uses table {mappingTable}).");
        }
        var near = payload[1 + 2 * count];
        var interleave = payload[2 + 2 * count];
        var transform = payload[3 + 2 * count];
        if (near != 0)
            throw new DicomFormatException($"JPEG-LS near-lossless (NEAR = {near}) is lossy; only lossless JPEG-LS is decoded.");
        if (interleave > InterleaveSample)
            throw new DicomFormatException($"JPEG-LS interleave mode {interleave} at offset {offset} is invalid (0, 1 or 2).");
        if (interleave == InterleaveNone && count > 1)
            throw new DicomFormatException($"JPEG-LS scan at offset {offset} has {count} components but interleave mode 0 (one component per scan).");
        if (transform >> 4 != 0)
            throw new DicomFormatException($"JPEG-LS SOS at offset {offset} has a non-zero Ah nibble ({transform >> 4}).");
        if ((transform & 0xF) != 0)
            throw new DicomFormatException(
                $"JPEG-LS point transform (Pt = {transform & 0xF}) drops low-order bits and is lossy; only lossless JPEG-LS is decoded.");
        return new JpegLsScanHeader(ids, interleave);
    }
}
