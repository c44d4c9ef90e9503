using AmpaCds.Dicom.Codecs;
using static AmpaCds.Dicom.Tests.Codecs.JpegLsTestImages;

namespace AmpaCds.Dicom.Tests.Codecs;

/// <summary>
/// Refusals with clear messages, and "fuzz what parses": every truncation and thousands of seeded mutations of
/// valid streams end in <see cref="DicomFormatException"/> or a successful decode, never another exception,
/// a hang or a write outside the destination.
/// </summary>
public class JpegLsRobustnessTests
{
    private const int Guard = 64;

    [Fact]
    public void Near_lossless_is_refused()
    {
        var image = Noise16(33, 127);
        var encoded = Encode(image, "+en");
        var error = Assert.Throws<DicomFormatException>(() => Decode(encoded.Frame, image.Info));
        Assert.Equal("JPEG-LS near-lossless (NEAR = 2) is lossy; only lossless JPEG-LS is decoded.", error.Message);
    }

    [Fact]
    public void A_size_different_from_the_image_pixel_module_is_refused_naming_both()
    {
        var image = Noise16(33, 127);
        var frame = Encode(image).Frame;
        var wider = Assert.Throws<DicomFormatException>(() => Decode(frame, image.Info with { Columns = 128 }));
        Assert.Equal("JPEG-LS frame is 127 x 33 (columns x rows) but the Image Pixel module says 128 x 33.", wider.Message);
        var taller = Assert.Throws<DicomFormatException>(() => Decode(frame, image.Info with { Rows = 32 }));
        Assert.Contains("127 x 33", taller.Message);
        Assert.Contains("127 x 32", taller.Message);
    }

    [Fact]
    public void Components_and_precision_different_from_the_image_pixel_module_are_refused()
    {
        var image = Noise16(33, 127);
        var frame = Encode(image).Frame;
        var samples = Assert.Throws<DicomFormatException>(() => Decode(frame, image.Info with { SamplesPerPixel = 3 }));
        Assert.Equal("JPEG-LS frame has 1 components but the Image Pixel module says Samples per Pixel 3.", samples.Message);
        var precision = Assert.Throws<DicomFormatException>(() => Decode(frame, image.Info with { BitsAllocated = 8, BitsStored = 8 }));
        Assert.Equal("JPEG-LS sample precision 16 bits does not match the Image Pixel module (Bits Stored 8, Bits Allocated 8).", precision.Message);
        var bits = Assert.Throws<DicomFormatException>(() => Decode(frame, image.Info with { BitsAllocated = 32 }));
        Assert.Contains("Bits Allocated 8 or 16", bits.Message);
    }

    [Fact]
    public void Other_sof_markers_are_refused()
    {
        var image = Noise8(8, 8);
        var frame = Encode(image).Frame;
        frame[JpegLsDecoderTests.FindMarker(frame, 0xF7) + 1] = 0xC3;
        var error = Assert.Throws<DicomFormatException>(() => Decode(frame, image.Info));
        Assert.Equal("JPEG-LS stream has frame marker 0xFFC3 at offset 2; only SOF55 (0xFFF7, JPEG-LS) is supported here.", error.Message);
    }

    [Theory]
    [InlineData(2)]
    [InlineData(3)]
    public void Mapping_tables_are_refused(int lseType)
    {
        var image = Noise8(8, 8);
        var frame = Encode(image).Frame;
        var sos = JpegLsDecoderTests.FindMarker(frame, 0xDA);
        byte[] table = [0xFF, 0xF8, 0x00, 0x06, (byte)lseType, 0x01, 0x00, 0x01];
        var withTable = frame[..sos].Concat(table).Concat(frame[sos..]).ToArray();
        var error = Assert.Throws<DicomFormatException>(() => Decode(withTable, image.Info));
        Assert.Equal($"JPEG-LS mapping tables (LSE type {lseType}) are not supported.", error.Message);

        // A scan that selects a mapping table (Tm != 0) is refused too.
        frame[JpegLsDecoderTests.FindMarker(frame, 0xDA) + 6] = 1;
        Assert.Contains("mapping tables are not supported", Assert.Throws<DicomFormatException>(() => Decode(frame, image.Info)).Message);
    }

    [Fact]
    public void Point_transform_is_refused()
    {
        var image = Noise8(8, 8);
        var frame = Encode(image).Frame;
        frame[JpegLsStreams.ScanDataStart(frame) - 1] = 0x02;
        var error = Assert.Throws<DicomFormatException>(() => Decode(frame, image.Info));
        Assert.Equal("JPEG-LS point transform (Pt = 2) drops low-order bits and is lossy; only lossless JPEG-LS is decoded.", error.Message);
    }

    [Fact]
    public void Bad_markers_and_missing_soi_are_refused()
    {
        var image = Noise8(8, 8);
        var frame = Encode(image).Frame;
        var noSoi = (byte[])frame.Clone();
        noSoi[1] = 0xD9;
        Assert.Contains("SOI", Assert.Throws<DicomFormatException>(() => Decode(noSoi, image.Info)).Message);
        var badMarker = (byte[])frame.Clone();
        badMarker[JpegLsDecoderTests.FindMarker(frame, 0xDA) + 1] = 0xDB; // DQT has no place in JPEG-LS
        Assert.Contains("unexpected marker 0xFFDB", Assert.Throws<DicomFormatException>(() => Decode(badMarker, image.Info)).Message);
        var noEoi = frame[..^2];
        Assert.Contains("no EOI", Assert.Throws<DicomFormatException>(() => Decode(noEoi, image.Info)).Message);
    }

    [Fact]
    public void Scan_data_ending_early_is_refused()
    {
        var image = Noise16(33, 127);
        var frame = Encode(image).Frame;
        var cut = frame[..(frame.Length / 2)].Concat(new byte[] { 0xFF, 0xD9 }).ToArray();
        var error = Assert.Throws<DicomFormatException>(() => Decode(cut, image.Info));
        Assert.Contains("ends early", error.Message);
    }

    [Fact]
    public void Wrong_destination_length_is_a_caller_error()
    {
        var image = Noise8(8, 8);
        var frame = Encode(image).Frame;
        Assert.Throws<ArgumentException>(() => new JpegLsDecoder().Decode(frame, image.Info, new byte[63]));
    }

    [Fact]
    public void Every_truncation_is_refused()
    {
        foreach (var image in new[] { Noise8(9, 13, seed: 2), PetLike16(16, 16), Constant(16, 17, 16, 300) })
        {
            var frame = Encode(image).Frame;
            for (var length = 0; length < frame.Length; length++)
                Assert.Throws<DicomFormatException>(() => DecodeGuarded(frame[..length], image.Info));
            // The restart variant covers truncation inside and right after RST markers.
        }
        var restartImage = Noise8(12, 13, seed: 3);
        var restarts = JpegLsStreams.StitchWithRestarts(restartImage, stripRows: 4);
        Assert.Equal(restartImage.Pixels, Decode(restarts, restartImage.Info));
        for (var length = 0; length < restarts.Length; length++)
            Assert.Throws<DicomFormatException>(() => DecodeGuarded(restarts[..length], restartImage.Info));
    }

    [Fact]
    public void Seeded_mutations_end_in_format_errors_or_decode()
    {
        var images = new[] { Noise8(9, 13, seed: 2), PetLike16(16, 16), Signed16(7, 11, seed: 1), Noise8(6, 5, seed: 4, samples: 3) };
        var frames = images.Select(i => Encode(i).Frame).ToList();
        frames.Add(JpegLsStreams.StitchWithRestarts(Noise8(12, 13, seed: 3), stripRows: 4));
        var infos = images.Select(i => i.Info).Append(Noise8(12, 13).Info).ToArray();
        var random = new Random(20240131);
        int refused = 0, decoded = 0;
        for (var run = 0; run < 4000; run++)
        {
            var which = run % frames.Count;
            var mutated = (byte[])frames[which].Clone();
            var changes = 1 + random.Next(4);
            for (var c = 0; c < changes; c++)
            {
                var at = random.Next(mutated.Length);
                mutated[at] = random.Next(3) switch
                {
                    0 => (byte)random.Next(256),
                    1 => (byte)(mutated[at] ^ (1 << random.Next(8))),
                    _ => 0xFF,
                };
            }
            try
            {
                DecodeGuarded(mutated, infos[which]);
                decoded++;
            }
            catch (DicomFormatException)
            {
                refused++;
            }
        }
        Assert.Equal(4000, refused + decoded);
        Assert.True(refused > 1000, $"only {refused} of 4000 mutations were refused");
    }

    /// <summary>Decodes into the middle of a larger buffer and checks that the bytes around it stay untouched.</summary>
    private static void DecodeGuarded(byte[] frame, DicomPixelInfo info)
    {
        var buffer = new byte[info.FrameLength + 2 * Guard];
        Array.Fill(buffer, (byte)0xA5);
        try
        {
            new JpegLsDecoder().Decode(frame, info, buffer.AsSpan(Guard, info.FrameLength));
        }
        finally
        {
            Assert.All(buffer[..Guard], b => Assert.Equal(0xA5, b));
            Assert.All(buffer[^Guard..], b => Assert.Equal(0xA5, b));
        }
    }
}
