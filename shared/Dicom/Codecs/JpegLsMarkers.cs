namespace AmpaCds.Dicom.Codecs;

/// <summary>Marker reading for JPEG-LS (ITU T.87 C.1, T.81 B.1.1.3), with JPEG-LS wording; the codes are <see cref="JpegMarkers"/>.</summary>
internal static class JpegLsMarkers
{
    /// <summary>
    /// Reads the marker at <paramref name="offset"/> (fill bytes 0xFF before it are allowed, T.81 B.1.1.2)
    /// and returns its code; <paramref name="offset"/> moves past it.
    /// </summary>
    public static byte Read(ReadOnlySpan<byte> data, ref int offset)
    {
        if (offset >= data.Length)
            throw new DicomFormatException($"JPEG-LS stream ends at offset {offset} where a marker was expected (no EOI).");
        if (data[offset] != 0xFF)
            throw new DicomFormatException($"JPEG-LS stream has byte 0x{data[offset]:X2} at offset {offset} where a marker was expected.");
        while (offset < data.Length && data[offset] == 0xFF) offset++;
        if (offset >= data.Length)
            throw new DicomFormatException($"JPEG-LS stream ends at offset {offset} inside a marker (no EOI).");
        var code = data[offset++];
        if (code == 0x00)
            throw new DicomFormatException($"JPEG-LS stream has the invalid marker 0xFF00 at offset {offset - 2}.");
        return code;
    }

    /// <summary>Checks that RSTm with m = <paramref name="expectedIndex"/> is at <paramref name="offset"/>; returns the offset after it.</summary>
    public static int ExpectRestart(ReadOnlySpan<byte> data, int offset, int expectedIndex)
    {
        var markerAt = offset;
        var code = Read(data, ref offset);
        if (code != JpegMarkers.Rst0 + expectedIndex)
            throw new DicomFormatException(
                $"JPEG-LS restart interval ends at offset {markerAt} with marker 0xFF{code:X2}, expected RST{expectedIndex} (0xFF{JpegMarkers.Rst0 + expectedIndex:X2}).");
        return offset;
    }
}
