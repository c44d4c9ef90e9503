using System.Runtime.InteropServices;
using AmpaCds.Dicom.Codecs;

namespace AmpaCds.Dicom.Tests.Codecs;

/// <summary>Restart intervals (which dcmcjpeg cannot write) and malformed-stream robustness of the JPEG Lossless decoder.</summary>
public class JpegLosslessRestartAndFuzzTests
{
    private static readonly JpegLosslessDecoder Decoder = new();

    [Theory]
    [InlineData(CodecTestImages.Odd, 16, 1, 1)]
    [InlineData(CodecTestImages.Odd, 16, 7, 1)]
    [InlineData(CodecTestImages.Odd, 16, 4, 3)]
    [InlineData(CodecTestImages.U16FullRange, 16, 6, 5)]
    [InlineData(CodecTestImages.Odd, 16, 2, 9)]
    [InlineData(CodecTestImages.U12, 12, 5, 2)]
    [InlineData(CodecTestImages.U12, 12, 3, 4)]
    public void Restart_intervals_reset_prediction_like_dcmdjpeg(string name, int precision, int predictor, int restartRows)
    {
        using var dir = new TempDirectory();
        var image = CodecTestImages.Get(name);
        var samples = MemoryMarshal.Cast<byte, ushort>(image.Pixels).ToArray();
        var stream = JpegLosslessTestEncoder.Encode(samples, image.Rows, image.Columns, precision, predictor, restartRows);
        Assert.Contains((byte)JpegMarkers.Rst0, stream.Where((b, i) => i > 0 && stream[i - 1] == 0xFF));

        Assert.Equal(image.Pixels, CodecTestImages.Decode(Decoder, stream, image.Info));
        Assert.Equal(image.Pixels, DcmtkDecode(dir, image, stream));
    }

    [Fact]
    public void A_wrong_restart_marker_is_refused()
    {
        var image = CodecTestImages.Get(CodecTestImages.Odd);
        var samples = MemoryMarshal.Cast<byte, ushort>(image.Pixels).ToArray();
        var stream = JpegLosslessTestEncoder.Encode(samples, image.Rows, image.Columns, 16, 1, 2);
        var rst0 = Enumerable.Range(1, stream.Length - 1).First(i => stream[i - 1] == 0xFF && stream[i] == JpegMarkers.Rst0);
        stream[rst0] = JpegMarkers.Rst0 + 3;

        var error = Assert.Throws<DicomFormatException>(() => CodecTestImages.Decode(Decoder, stream, image.Info));

        Assert.Equal($"JPEG restart marker RST0 expected at offset {rst0 - 1}, found RST3.", error.Message);
    }

    [Fact]
    public void A_restart_interval_ending_inside_a_row_is_refused()
    {
        var image = CodecTestImages.Get(CodecTestImages.Odd);
        var samples = MemoryMarshal.Cast<byte, ushort>(image.Pixels).ToArray();
        var stream = JpegLosslessTestEncoder.Encode(samples, image.Rows, image.Columns, 16, 1, 1);
        var dri = JpegLosslessDecoderTests.FindMarker(stream, JpegMarkers.Dri);
        stream[dri + 5] = 100;

        var error = Assert.Throws<DicomFormatException>(() => CodecTestImages.Decode(Decoder, stream, image.Info));

        Assert.Equal("JPEG restart interval 100 is not a whole number of rows (127 samples per row); it is not supported.", error.Message);
    }

    [Fact]
    public void Truncated_and_mutated_dcmtk_streams_end_in_format_errors()
    {
        using var dir = new TempDirectory();
        var image = new CodecTestImage("fuzz", 9, 11, 16, 16, false, 1, CodecTestImages.Get(CodecTestImages.U16FullRange).Pixels[..(9 * 11 * 2)]);
        var compressed = CodecTestImages.Compress(dir, image, "dcmcjpeg", "+el", "+sv", "6");

        var (refused, decoded) = CodecTestImages.Fuzz(Decoder, compressed.Bytes, compressed.Info, mutations: 3000, seed: 1457);

        Assert.Equal(compressed.Bytes.Length + 3000, refused + decoded);
        Assert.True(refused > compressed.Bytes.Length, $"only {refused} refused");
    }

    [Fact]
    public void Truncated_and_mutated_restart_streams_end_in_format_errors()
    {
        var image = CodecTestImages.Get(CodecTestImages.U12);
        var samples = MemoryMarshal.Cast<byte, ushort>(image.Pixels).ToArray()[..(61 * 6)];
        var info = image.Info with { Rows = 6 };
        var stream = JpegLosslessTestEncoder.Encode(samples, 6, 61, 12, 5, 2);

        var (refused, decoded) = CodecTestImages.Fuzz(Decoder, stream, info, mutations: 2000, seed: 99);

        Assert.Equal(stream.Length + 2000, refused + decoded);
        Assert.True(refused > stream.Length, $"only {refused} refused");
    }

    /// <summary>Wraps our encoder's stream in a JPEG Lossless file and lets dcmdjpeg decode it.</summary>
    private static byte[] DcmtkDecode(TempDirectory dir, CodecTestImage image, byte[] stream)
    {
        var fragment = stream.Length % 2 == 0 ? stream : [.. stream, 0];
        var dataset = image.ToDataset()
            .AddOrUpdate(new DicomFragmentSequence(DicomTags.PixelData, DicomVR.OB, ReadOnlyMemory<byte>.Empty, [fragment]));
        var path = dir.File("restart.dcm");
        DicomFile.Create(dataset, CompressedTransferSyntaxes.JpegLossless).Save(path);
        return CodecTestImages.DecompressWithDcmtk(dir, "dcmdjpeg", path);
    }
}
