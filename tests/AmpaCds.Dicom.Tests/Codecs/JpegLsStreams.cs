using static AmpaCds.Dicom.Tests.Codecs.JpegLsTestImages;

namespace AmpaCds.Dicom.Tests.Codecs;

/// <summary>Byte-level surgery on DCMTK-made JPEG-LS streams, for features and faults DCMTK cannot produce.</summary>
internal static class JpegLsStreams
{
    /// <summary>Offset just past the SOS segment, where the scan's coded data starts.</summary>
    public static int ScanDataStart(byte[] frame)
    {
        var sos = JpegLsDecoderTests.FindMarker(frame, 0xDA);
        Assert.True(sos > 0, "no SOS marker");
        return sos + 2 + ((frame[sos + 2] << 8) | frame[sos + 3]);
    }

    /// <summary>The coded data of a single-scan stream, without the EOI and the fill bytes before it.</summary>
    public static byte[] ScanData(byte[] frame)
    {
        var end = frame.Length - 2;
        Assert.True(frame[end] == 0xFF && frame[end + 1] == 0xD9, "stream does not end with EOI");
        // A coded 0xFF is always followed by a stuffed byte, so trailing 0xFF bytes are fill bytes.
        while (frame[end - 1] == 0xFF) end--;
        return frame[ScanDataStart(frame)..end];
    }

    /// <summary>
    /// Encodes <paramref name="image"/> in strips of <paramref name="stripRows"/> rows and joins the strips'
    /// coded data with RST markers under one header carrying DRI = <paramref name="stripRows"/>.
    /// </summary>
    public static byte[] StitchWithRestarts(Image image, int stripRows)
    {
        Assert.Equal(0, image.Rows % stripRows);
        var rowBytes = image.Columns * image.Samples * image.BitsAllocated / 8;
        var strips = Enumerable.Range(0, image.Rows / stripRows)
            .Select(s => Encode(image with { Rows = stripRows, Pixels = image.Pixels[(s * stripRows * rowBytes)..((s + 1) * stripRows * rowBytes)] }).Frame)
            .ToArray();

        var first = strips[0];
        var sos = JpegLsDecoderTests.FindMarker(first, 0xDA);
        var header = first[..sos];
        var sof = JpegLsDecoderTests.FindMarker(header, 0xF7);
        header[sof + 5] = (byte)(image.Rows >> 8);
        header[sof + 6] = (byte)image.Rows;
        var output = new List<byte>(header) { 0xFF, 0xDD, 0x00, 0x04, (byte)(stripRows >> 8), (byte)stripRows };
        output.AddRange(first[sos..ScanDataStart(first)]);
        for (var s = 0; s < strips.Length; s++)
        {
            if (s > 0) output.AddRange([0xFF, (byte)(0xD0 + (s - 1) % 8)]);
            output.AddRange(ScanData(strips[s]));
        }
        output.AddRange([0xFF, 0xD9]);
        return [.. output];
    }
}
