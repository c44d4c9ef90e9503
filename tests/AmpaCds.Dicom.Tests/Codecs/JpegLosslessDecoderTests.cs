using AmpaCds.Dicom.Codecs;

namespace AmpaCds.Dicom.Tests.Codecs;

/// <summary>JPEG Lossless (Process 14) decoding checked against the original pixels and against DCMTK's dcmdjpeg.</summary>
public class JpegLosslessDecoderTests
{
    private static readonly JpegLosslessDecoder Decoder = new();

    public static TheoryData<string, int> EveryPredictor()
    {
        var data = new TheoryData<string, int>();
        foreach (var image in new[] { CodecTestImages.U16FullRange, CodecTestImages.U12, CodecTestImages.S16 })
        {
            for (var predictor = 1; predictor <= 7; predictor++)
            {
                data.Add(image, predictor);
            }
        }
        return data;
    }

    [Theory]
    [MemberData(nameof(EveryPredictor))]
    public void Every_selection_value_decodes_to_the_original_pixels(string name, int predictor)
    {
        using var dir = new TempDirectory();
        var image = CodecTestImages.Get(name);
        var compressed = CodecTestImages.Compress(dir, image, "dcmcjpeg", "+el", "+sv", predictor.ToString());
        Assert.Equal(CompressedTransferSyntaxes.JpegLossless, compressed.TransferSyntaxUid);
        Assert.Equal(predictor, ScanPredictor(compressed.Bytes));

        var decoded = CodecTestImages.Decode(Decoder, compressed.Bytes, compressed.Info);

        Assert.Equal(image.Pixels, decoded);
        Assert.Equal(CodecTestImages.DecompressWithDcmtk(dir, "dcmdjpeg", compressed.Path), decoded);
    }

    [Theory]
    [InlineData(CodecTestImages.U8)]
    [InlineData(CodecTestImages.U16FullRange)]
    [InlineData(CodecTestImages.S16)]
    [InlineData(CodecTestImages.U12)]
    [InlineData(CodecTestImages.Odd)]
    [InlineData(CodecTestImages.Constant)]
    [InlineData(CodecTestImages.Noise)]
    [InlineData(CodecTestImages.Pet)]
    [InlineData(CodecTestImages.Single)]
    [InlineData(CodecTestImages.Rgb8)]
    public void First_order_prediction_syntax_decodes_to_the_original_pixels(string name)
    {
        using var dir = new TempDirectory();
        var image = CodecTestImages.Get(name);
        var compressed = CodecTestImages.Compress(dir, image, "dcmcjpeg", "+e1");
        Assert.Equal(CompressedTransferSyntaxes.JpegLosslessSv1, compressed.TransferSyntaxUid);

        var decoded = CodecTestImages.Decode(Decoder, compressed.Bytes, compressed.Info);

        Assert.Equal(image.Pixels, decoded);
        Assert.Equal(CodecTestImages.DecompressWithDcmtk(dir, "dcmdjpeg", compressed.Path), decoded);
    }

    [Fact]
    public void Signed_values_come_back_as_their_twos_complement_bits()
    {
        using var dir = new TempDirectory();
        var image = CodecTestImages.Get(CodecTestImages.S16);
        var compressed = CodecTestImages.Compress(dir, image, "dcmcjpeg", "+e1");
        var decoded = CodecTestImages.Decode(Decoder, compressed.Bytes, compressed.Info);

        var values = System.Runtime.InteropServices.MemoryMarshal.Cast<byte, short>(decoded).ToArray();
        Assert.Equal(new short[] { -32768, 32767, -1, 0, 1, -32768, -32768, 32767, -2, -100 }, values[..10]);
    }

    [Theory]
    [InlineData(1, 2)]
    [InlineData(6, 4)]
    [InlineData(7, 11)]
    public void Point_transform_scales_back_like_dcmdjpeg(int predictor, int pointTransform)
    {
        using var dir = new TempDirectory();
        var image = CodecTestImages.Get(CodecTestImages.Pet);
        var compressed = CodecTestImages.Compress(dir, image, "dcmcjpeg", "+el", "+sv", predictor.ToString(), "+pt", pointTransform.ToString());

        var decoded = CodecTestImages.Decode(Decoder, compressed.Bytes, compressed.Info);

        Assert.Equal(CodecTestImages.DecompressWithDcmtk(dir, "dcmdjpeg", compressed.Path), decoded);
        var values = System.Runtime.InteropServices.MemoryMarshal.Cast<byte, ushort>(decoded).ToArray();
        Assert.All(values, v => Assert.Equal(0, v & ((1 << pointTransform) - 1)));
        var original = System.Runtime.InteropServices.MemoryMarshal.Cast<byte, ushort>(image.Pixels).ToArray();
        Assert.Equal(original.Select(v => v >> pointTransform << pointTransform), values.Select(v => (int)v));
    }

    [Fact]
    public void Application_and_comment_segments_are_skipped()
    {
        using var dir = new TempDirectory();
        var image = CodecTestImages.Get(CodecTestImages.Odd);
        var compressed = CodecTestImages.Compress(dir, image, "dcmcjpeg", "+el", "+sv", "4");
        byte[] extra = [0xFF, 0xE3, 0x00, 0x06, 1, 2, 3, 4, 0xFF, 0xFE, 0x00, 0x05, (byte)'h', (byte)'i', (byte)'!', 0xFF];
        var stream = compressed.Bytes[..2].Concat(extra).Concat(compressed.Bytes[2..]).ToArray();

        Assert.Equal(image.Pixels, CodecTestImages.Decode(Decoder, stream, compressed.Info));
    }

    [Fact]
    public void Lossy_baseline_jpeg_is_refused_with_its_process()
    {
        using var dir = new TempDirectory();
        var compressed = CodecTestImages.Compress(dir, CodecTestImages.Get(CodecTestImages.U8), "dcmcjpeg", "+eb");

        var error = Assert.Throws<DicomFormatException>(() => CodecTestImages.Decode(Decoder, compressed.Bytes, compressed.Info));

        Assert.Equal("JPEG process 1 (baseline) (SOF0) is lossy or not supported; only lossless process 14 is decoded.", error.Message);
    }

    [Fact]
    public void Lossy_extended_jpeg_is_refused_with_its_process()
    {
        using var dir = new TempDirectory();
        var compressed = CodecTestImages.Compress(dir, CodecTestImages.Get(CodecTestImages.U12), "dcmcjpeg", "+ee");

        var error = Assert.Throws<DicomFormatException>(() => CodecTestImages.Decode(Decoder, compressed.Bytes, compressed.Info));

        Assert.Contains("JPEG process 2/4 (extended sequential) (SOF1) is lossy or not supported", error.Message);
    }

    [Fact]
    public void A_frame_of_another_size_is_refused_naming_both_sizes()
    {
        using var dir = new TempDirectory();
        var compressed = CodecTestImages.Compress(dir, CodecTestImages.Get(CodecTestImages.Odd), "dcmcjpeg", "+e1");
        var claimed = compressed.Info with { Rows = 32, Columns = 128 };

        var error = Assert.Throws<DicomFormatException>(() => CodecTestImages.Decode(Decoder, compressed.Bytes, claimed));

        Assert.Equal("JPEG frame is 127 x 33 (columns x rows), the Image Pixel module says 128 x 32.", error.Message);
    }

    [Fact]
    public void A_precision_outside_bits_stored_and_allocated_is_refused_naming_both()
    {
        using var dir = new TempDirectory();
        var compressed = CodecTestImages.Compress(dir, CodecTestImages.Get(CodecTestImages.U8), "dcmcjpeg", "+e1");
        Assert.Equal(8, compressed.Bytes[FindMarker(compressed.Bytes, JpegMarkers.Sof3) + 4]);

        var error = Assert.Throws<DicomFormatException>(
            () => CodecTestImages.Decode(Decoder, compressed.Bytes, compressed.Info with { BitsAllocated = 16, BitsStored = 12 }));

        Assert.Equal("JPEG precision 8 bits does not match the Image Pixel module: Bits Stored 12, Bits Allocated 16.", error.Message);
    }

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    [InlineData(4)]
    [InlineData(5)]
    [InlineData(6)]
    [InlineData(7)]
    public void Twelve_bit_precision_streams_decode_like_dcmdjpeg(int predictor)
    {
        using var dir = new TempDirectory();
        var image = CodecTestImages.Get(CodecTestImages.U12);
        var compressed = CodecTestImages.Compress(dir, image, "dcmcjpeg", "+el", "+pl", "+bt", "+sv", predictor.ToString());
        Assert.Equal(12, compressed.Bytes[FindMarker(compressed.Bytes, JpegMarkers.Sof3) + 4]);

        var decoded = CodecTestImages.Decode(Decoder, compressed.Bytes, compressed.Info);

        // The true-lossless codec always writes precision 16; only the old pseudo-lossless one writes 12 bits,
        // and it rescales values on the way in, so the reference here is dcmdjpeg, not the original pixels.
        Assert.Equal(CodecTestImages.DecompressWithDcmtk(dir, "dcmdjpeg", compressed.Path), decoded);
        Assert.NotEqual(new byte[decoded.Length], decoded);
    }

    [Fact]
    public void A_component_count_other_than_samples_per_pixel_is_refused()
    {
        using var dir = new TempDirectory();
        var compressed = CodecTestImages.Compress(dir, CodecTestImages.Get(CodecTestImages.U8), "dcmcjpeg", "+e1");

        var error = Assert.Throws<DicomFormatException>(
            () => CodecTestImages.Decode(Decoder, compressed.Bytes, compressed.Info with { SamplesPerPixel = 3 }));

        Assert.Equal("JPEG frame has 1 components, the Image Pixel module says Samples per Pixel 3.", error.Message);
    }

    [Fact]
    public void A_missing_huffman_table_is_refused()
    {
        using var dir = new TempDirectory();
        var compressed = CodecTestImages.Compress(dir, CodecTestImages.Get(CodecTestImages.Pet), "dcmcjpeg", "+e1");
        var dht = FindMarker(compressed.Bytes, JpegMarkers.Dht);
        var length = compressed.Bytes[dht + 2] << 8 | compressed.Bytes[dht + 3];
        var withoutTables = compressed.Bytes[..dht].Concat(compressed.Bytes[(dht + 2 + length)..]).ToArray();

        var error = Assert.Throws<DicomFormatException>(() => CodecTestImages.Decode(Decoder, withoutTables, compressed.Info));

        Assert.Contains("but no DHT segment defined it", error.Message);
    }

    [Fact]
    public void Data_ending_before_the_image_is_complete_is_refused()
    {
        using var dir = new TempDirectory();
        var compressed = CodecTestImages.Compress(dir, CodecTestImages.Get(CodecTestImages.Pet), "dcmcjpeg", "+e1");
        var cut = compressed.Bytes[..(compressed.Bytes.Length / 2)].Concat(new byte[] { 0xFF, 0xD9 }).ToArray();

        var error = Assert.Throws<DicomFormatException>(() => CodecTestImages.Decode(Decoder, cut, compressed.Info));

        Assert.StartsWith("JPEG entropy-coded data ends early", error.Message);
    }

    [Fact]
    public void A_stream_without_soi_is_refused()
    {
        var error = Assert.Throws<DicomFormatException>(
            () => CodecTestImages.Decode(Decoder, [0x00, 0xD8, 0xFF, 0xD9], new DicomPixelInfo(1, 1, 16, 16, false, 1, 1)));

        Assert.Equal("JPEG stream does not start with an SOI marker (FF D8).", error.Message);
    }

    /// <summary>Offset of the first 0xFF <paramref name="code"/> marker outside the entropy-coded data (which precedes it here).</summary>
    internal static int FindMarker(byte[] stream, byte code)
    {
        for (var i = 0; i + 1 < stream.Length; i++)
        {
            if (stream[i] == 0xFF && stream[i + 1] == code)
            {
                return i;
            }
        }
        throw new InvalidOperationException($"Marker FF{code:X2} not found.");
    }

    private static int ScanPredictor(byte[] stream)
    {
        var sos = FindMarker(stream, JpegMarkers.Sos);
        var components = stream[sos + 4];
        return stream[sos + 5 + 2 * components];
    }
}
