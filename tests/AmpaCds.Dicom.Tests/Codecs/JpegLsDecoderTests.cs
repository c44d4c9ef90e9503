using System.Buffers.Binary;
using AmpaCds.Dicom.Codecs;
using static AmpaCds.Dicom.Tests.Codecs.JpegLsTestImages;

namespace AmpaCds.Dicom.Tests.Codecs;

/// <summary>
/// JPEG-LS frames made by DCMTK dcmcjpls decode to exactly the original native bytes, and to exactly what
/// DCMTK's own decoder (dcmdjpls) writes.
/// </summary>
public class JpegLsDecoderTests
{
    [Fact]
    public void Handles_the_lossless_jpeg_ls_transfer_syntax_only() =>
        Assert.Equal(["1.2.840.10008.1.2.4.80"], new JpegLsDecoder().TransferSyntaxUids);

    [Theory]
    [InlineData(33, 127)]
    [InlineData(1, 1)]
    [InlineData(1, 200)]
    [InlineData(200, 1)]
    [InlineData(64, 64)]
    public void Unsigned_16_bit_noise_over_the_full_range(int rows, int columns) =>
        AssertRoundTrip(Noise16(rows, columns, seed: rows * 1000 + columns));

    [Fact]
    public void Unsigned_16_bit_keeps_0_and_65535()
    {
        var decoded = AssertRoundTrip(Noise16(33, 127, seed: 7));
        Assert.Equal(0, BinaryPrimitives.ReadUInt16LittleEndian(decoded));
        Assert.Equal(65535, BinaryPrimitives.ReadUInt16LittleEndian(decoded.AsSpan(decoded.Length - 2)));
    }

    [Theory]
    [InlineData(128, 128)]
    [InlineData(33, 127)]
    [InlineData(200, 1)]
    public void Smooth_pet_like_16_bit(int rows, int columns) => AssertRoundTrip(PetLike16(rows, columns));

    [Theory]
    [InlineData(false)]
    [InlineData(true)] // cooked mode: precision 12 and default thresholds (no LSE segment)
    public void Twelve_bits_stored_in_16(bool cooked)
    {
        string[] options = cooked ? ["+pc"] : [];
        var image = Noise16(33, 127, seed: 12, bitsStored: 12);
        AssertRoundTrip(image, options);
        AssertRoundTrip(Unsigned16(64, 64, 12, PetLike(64, 64, 4095, 5)), options);
    }

    [Fact]
    public void Signed_16_bit_keeps_negative_values()
    {
        var decoded = AssertRoundTrip(Signed16(33, 127, seed: 4));
        Assert.Equal(short.MinValue, BinaryPrimitives.ReadInt16LittleEndian(decoded));
        Assert.Equal(short.MaxValue, BinaryPrimitives.ReadInt16LittleEndian(decoded.AsSpan(2)));
        Assert.Equal(-1, BinaryPrimitives.ReadInt16LittleEndian(decoded.AsSpan(4)));
    }

    [Theory]
    [InlineData(33, 127)]
    [InlineData(1, 1)]
    [InlineData(1, 200)]
    [InlineData(200, 1)]
    public void Eight_bit_noise(int rows, int columns) => AssertRoundTrip(Noise8(rows, columns, seed: rows + columns));

    [Fact]
    public void Eight_bit_smooth_image() => AssertRoundTrip(PetLike8(128, 128));

    [Theory]
    [InlineData(8, 0)]
    [InlineData(8, 255)]
    [InlineData(16, 0)]
    [InlineData(16, 1234)]
    [InlineData(16, 65535)]
    public void Constant_images_decode_from_long_runs(int bitsAllocated, int value)
    {
        var image = Constant(256, 255, bitsAllocated, value);
        var encoded = AssertRoundTrip(image);
        Assert.Equal(value, bitsAllocated == 8 ? encoded[^1] : BinaryPrimitives.ReadUInt16LittleEndian(encoded.AsSpan(encoded.Length - 2)));
    }

    [Fact]
    public void Constant_image_compresses_to_runs() =>
        // 65 280 samples in a few hundred bytes is only possible with run mode.
        Assert.True(Encode(Constant(256, 255, 16, 1234)).Frame.Length < 600);

    [Theory]
    [InlineData("5", "20", "100", "32")]
    [InlineData("1", "1", "1", "3")]
    [InlineData("200", "2000", "30000", "1000")]
    public void Explicit_thresholds_and_reset_from_the_lse_segment(string t1, string t2, string t3, string reset)
    {
        string[] options = ["+t1", t1, "+t2", t2, "+t3", t3, "+rs", reset];
        var encoded = Encode(PetLike16(64, 64), options);
        Assert.True(FindMarker(encoded.Frame, 0xF8) > 0, "dcmcjpls wrote no LSE segment");
        AssertRoundTrip(PetLike16(64, 64), options);
        AssertRoundTrip(Noise16(33, 127, seed: 9), options);
    }

    [Theory]
    [InlineData("+il")]
    [InlineData("+is")]
    [InlineData("+in")]
    public void Rgb_in_every_interleave_mode(string interleave)
    {
        var noise = Noise8(33, 127, seed: 21, samples: 3);
        AssertRoundTrip(noise, interleave);
        // Smooth colour image with flat areas: run mode across components.
        var smooth = PetLike(64, 64, 255, 8);
        var rgb = new byte[64 * 64 * 3];
        for (var i = 0; i < smooth.Length; i++)
        {
            rgb[3 * i] = (byte)smooth[i];
            rgb[3 * i + 1] = (byte)(255 - smooth[i]);
            rgb[3 * i + 2] = (byte)(smooth[i] / 2);
        }
        AssertRoundTrip(new Image(64, 64, 8, 8, false, 3, rgb), interleave);
    }

    [Theory]
    [InlineData(2)]
    [InlineData(4)]
    [InlineData(7)]
    public void Few_bits_stored_in_8(int bitsStored) =>
        // DCMTK's default raw mode codes these with precision 8.
        AssertRoundTrip(LowPrecision8(bitsStored));

    [Fact]
    public void Precision_7_with_explicit_thresholds()
    {
        var image = LowPrecision8(7);
        string[] options = ["+pc", "+t1", "2", "+t2", "3", "+t3", "10"];
        Assert.Equal(7, Encode(image, options).Frame[6]); // SOF55 precision
        AssertRoundTrip(image, options);
    }

    [Fact]
    public void Precision_7_from_charls_1_needs_its_nonstandard_default_thresholds()
    {
        // DCMTK 3.6.7 (CharLS 1.x) computes default thresholds for MAXVAL < 128 with the MAXVAL >= 128 formula
        // (CharLS issue #51): T1 2, T2 3, T3 4 instead of T.87's 2, 3, 10, and writes no LSE. We follow T.87;
        // spelling CharLS's values out in an LSE segment makes the same scan data decode exactly.
        var image = LowPrecision8(7);
        var frame = Encode(image, "+pc").Frame;
        Assert.Equal(-1, FindMarker(frame, 0xF8));
        var sos = FindMarker(frame, 0xDA);
        byte[] lse = [0xFF, 0xF8, 0x00, 0x0D, 0x01, 0x00, 0x00, 0x00, 0x02, 0x00, 0x03, 0x00, 0x04, 0x00, 0x00];
        var withCharLsThresholds = frame[..sos].Concat(lse).Concat(frame[sos..]).ToArray();
        Assert.Equal(image.Pixels, Decode(withCharLsThresholds, image.Info));
    }

    private static Image LowPrecision8(int bitsStored)
    {
        var random = new Random(bitsStored);
        var pixels = new byte[33 * 127];
        for (var i = 0; i < pixels.Length; i++) pixels[i] = (byte)random.Next(1 << bitsStored);
        // Flat stretches so that run mode and run interruption are exercised as well.
        pixels.AsSpan(300, 500).Fill((byte)((1 << bitsStored) - 1));
        return new Image(33, 127, 8, bitsStored, false, 1, pixels);
    }

    [Fact]
    public void Restart_intervals_decode_like_independent_images()
    {
        // After RSTm a JPEG-LS decoder starts over as at the top of an image, so three separately encoded
        // 11-row strips joined with RST0/RST1 and a DRI of 11 lines form a valid 33-row stream.
        var image = Noise16(33, 127, seed: 77);
        var stitched = JpegLsStreams.StitchWithRestarts(image, stripRows: 11);
        Assert.Equal(image.Pixels, Decode(stitched, image.Info));

        var smooth = PetLike16(33, 127);
        Assert.Equal(smooth.Pixels, Decode(JpegLsStreams.StitchWithRestarts(smooth, stripRows: 11), smooth.Info));
    }

    [Fact]
    public void Fill_bytes_before_markers_are_accepted()
    {
        var image = Noise8(33, 127, seed: 5);
        var frame = Encode(image).Frame;
        var sos = FindMarker(frame, 0xDA);
        var padded = frame[..sos].Concat(new byte[] { 0xFF, 0xFF }).Concat(frame[sos..]).ToArray();
        Assert.Equal(image.Pixels, Decode(padded, image.Info));
    }

    private static byte[] AssertRoundTrip(Image image, params string[] options)
    {
        var encoded = Encode(image, options);
        Assert.Equal(JpegLsDecoder.LosslessTransferSyntaxUid, encoded.TransferSyntaxUid);
        var decoded = Decode(encoded.Frame, image.Info);
        Assert.Equal(image.Pixels, decoded);
        // DCMTK pads odd-length native Pixel Data to an even length.
        Assert.Equal(encoded.DcmtkDecoded.AsSpan(0, decoded.Length).ToArray(), decoded);
        Assert.True(encoded.DcmtkDecoded.Length - decoded.Length is 0 or 1);
        return decoded;
    }

    internal static int FindMarker(byte[] frame, byte code)
    {
        for (var i = 0; i + 1 < frame.Length; i++)
            if (frame[i] == 0xFF && frame[i + 1] == code) return i;
        return -1;
    }
}
