using System.Buffers.Binary;
using AmpaCds.Dicom.Codecs;

namespace AmpaCds.Dicom.Tests.Codecs;

/// <summary>RLE Lossless decoding checked against the original pixels and DCMTK's dcmdrle, plus header and segment validation.</summary>
public class RleLosslessDecoderTests
{
    private static readonly RleLosslessDecoder Decoder = new();
    private static readonly DicomPixelInfo TwoByTwo = new(2, 2, 8, 8, false, 1, 1);

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
    [InlineData(CodecTestImages.U32)]
    public void Dcmcrle_output_decodes_to_the_original_pixels(string name)
    {
        using var dir = new TempDirectory();
        var image = CodecTestImages.Get(name);
        var compressed = CodecTestImages.Compress(dir, image, "dcmcrle");
        Assert.Equal(CompressedTransferSyntaxes.RleLossless, compressed.TransferSyntaxUid);
        Assert.Equal(image.Samples * image.BitsAllocated / 8, BinaryPrimitives.ReadInt32LittleEndian(compressed.Bytes));

        var decoded = CodecTestImages.Decode(Decoder, compressed.Bytes, compressed.Info);

        Assert.Equal(image.Pixels, decoded);
        Assert.Equal(CodecTestImages.DecompressWithDcmtk(dir, "dcmdrle", compressed.Path), decoded);
    }

    [Fact]
    public void Literal_replicate_and_no_op_runs_expand_as_packbits_defines()
    {
        // 2 x 2, 8-bit: "-1 (repeat twice) 7", "-128 (no-op)", "1 (two literals) 8 9", then one pad byte.
        var frame = Frame([[0xFF, 7, 0x80, 1, 8, 9, 0x00]]);

        Assert.Equal(new byte[] { 7, 7, 8, 9 }, CodecTestImages.Decode(Decoder, frame, TwoByTwo));
    }

    [Fact]
    public void Sixteen_bit_segments_are_most_significant_byte_first()
    {
        var info = new DicomPixelInfo(1, 2, 16, 16, false, 1, 1);
        var frame = Frame([[1, 0x12, 0xAB], [1, 0x34, 0xCD]]);

        Assert.Equal(new byte[] { 0x34, 0x12, 0xCD, 0xAB }, CodecTestImages.Decode(Decoder, frame, info));
    }

    [Fact]
    public void A_segment_count_that_does_not_match_the_pixel_module_is_refused()
    {
        var frame = Frame([[0xFD, 1], [0xFD, 2]]);

        var error = Assert.Throws<DicomFormatException>(() => CodecTestImages.Decode(Decoder, frame, TwoByTwo));

        Assert.Equal("RLE Lossless header declares 2 segments, the Image Pixel module needs 1 (Samples per Pixel x bytes per sample).", error.Message);
    }

    [Theory]
    [InlineData(0u)]
    [InlineData(16u)]
    public void A_segment_count_outside_1_to_15_is_refused(uint count)
    {
        var frame = Frame([[0xFD, 1]]);
        BinaryPrimitives.WriteUInt32LittleEndian(frame, count);

        var error = Assert.Throws<DicomFormatException>(() => CodecTestImages.Decode(Decoder, frame, TwoByTwo));

        Assert.Equal($"RLE Lossless header declares {count} segments; 1..15 are allowed.", error.Message);
    }

    [Theory]
    [InlineData(60u, 66u)]
    [InlineData(66u, 64u)]
    [InlineData(64u, 64u)]
    [InlineData(64u, 500u)]
    public void Offsets_outside_the_frame_or_not_increasing_are_refused(uint first, uint second)
    {
        var frame = Frame([[0xFD, 1], [0xFD, 2]]);
        BinaryPrimitives.WriteUInt32LittleEndian(frame.AsSpan(4), first);
        BinaryPrimitives.WriteUInt32LittleEndian(frame.AsSpan(8), second);
        var info = new DicomPixelInfo(2, 2, 16, 16, false, 1, 1);

        var error = Assert.Throws<DicomFormatException>(() => CodecTestImages.Decode(Decoder, frame, info));

        Assert.Contains("is not inside the 68-byte frame after the header and the previous segment", error.Message);
    }

    [Fact]
    public void A_segment_decoding_to_more_bytes_than_rows_times_columns_is_refused_naming_both()
    {
        var frame = Frame([[0xFC, 1]]);

        var error = Assert.Throws<DicomFormatException>(() => CodecTestImages.Decode(Decoder, frame, TwoByTwo));

        Assert.Equal("RLE Lossless segment 0 decodes to 5 bytes; the Image Pixel module needs 4 (Rows x Columns).", error.Message);
    }

    [Fact]
    public void A_segment_decoding_to_fewer_bytes_is_refused_naming_both()
    {
        var frame = Frame([[0xFE, 1, 0x00]]);

        var error = Assert.Throws<DicomFormatException>(() => CodecTestImages.Decode(Decoder, frame, TwoByTwo));

        Assert.Equal("RLE Lossless segment 0 decodes to 3 bytes, its last run is cut off; the Image Pixel module needs 4 (Rows x Columns).", error.Message);
    }

    [Fact]
    public void More_than_one_byte_after_the_last_run_is_refused()
    {
        var frame = Frame([[0xFD, 1, 0x05, 0x00]]);

        var error = Assert.Throws<DicomFormatException>(() => CodecTestImages.Decode(Decoder, frame, TwoByTwo));

        Assert.Equal("RLE Lossless segment 0 ends with an incomplete run of 2 bytes after its 4 bytes.", error.Message);
    }

    [Fact]
    public void A_frame_shorter_than_the_header_is_refused()
    {
        var error = Assert.Throws<DicomFormatException>(() => CodecTestImages.Decode(Decoder, new byte[63], TwoByTwo));

        Assert.Equal("RLE Lossless frame is 63 bytes, shorter than its 64-byte header.", error.Message);
    }

    [Fact]
    public void Truncated_and_mutated_dcmcrle_streams_end_in_format_errors()
    {
        using var dir = new TempDirectory();
        var rgb = CodecTestImages.Get(CodecTestImages.Rgb8);
        var image = rgb with { Name = "fuzz", Rows = 6, Columns = 10, Pixels = rgb.Pixels[..(6 * 10 * 3)] };
        var compressed = CodecTestImages.Compress(dir, image, "dcmcrle");

        var (refused, decoded) = CodecTestImages.Fuzz(Decoder, compressed.Bytes, compressed.Info, mutations: 3000, seed: 2024);

        Assert.Equal(compressed.Bytes.Length + 3000, refused + decoded);
        Assert.True(refused > compressed.Bytes.Length, $"only {refused} refused");
    }

    /// <summary>An RLE frame: the 64-byte header with offsets, then the segments back to back.</summary>
    private static byte[] Frame(byte[][] segments)
    {
        var header = new byte[64];
        BinaryPrimitives.WriteUInt32LittleEndian(header, (uint)segments.Length);
        var offset = 64;
        for (var i = 0; i < segments.Length; i++)
        {
            BinaryPrimitives.WriteUInt32LittleEndian(header.AsSpan(4 + 4 * i), (uint)offset);
            offset += segments[i].Length;
        }
        return [.. header, .. segments.SelectMany(s => s)];
    }
}
