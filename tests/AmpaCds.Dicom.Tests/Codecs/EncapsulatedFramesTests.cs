using AmpaCds.Dicom.Codecs;

namespace AmpaCds.Dicom.Tests.Codecs;

/// <summary>
/// Multi-frame encapsulated Pixel Data as DCMTK writes it (one or several fragments per frame, with and without
/// a Basic Offset Table): every frame decodes to the original native frame, and DicomDecompressor turns the
/// whole dataset back into the native one. Tables that contradict the fragments are refused.
/// </summary>
public class EncapsulatedFramesTests
{
    private const int Rows = 40;
    private const int Columns = 48;
    private const int Frames = 3;

    [Theory]
    [InlineData("dcmcjpls", "+ff", "+ot")]
    [InlineData("dcmcjpls", "+fs 1", "+ot")]
    [InlineData("dcmcjpls", "+fs 1", "-ot")]
    [InlineData("dcmcjpeg", "+fs 1", "+ot")]
    [InlineData("dcmcjpeg", "+fs 1", "-ot")]
    [InlineData("dcmcjpeg", "+ff", "-ot")]
    [InlineData("dcmcrle", "+ff", "-ot")]
    [InlineData("dcmcrle", "+ff", "+ot")]
    public void Every_frame_of_a_multi_frame_image_decodes_to_the_original(string tool, string fragments, string offsetTable)
    {
        var original = MultiFrame();
        var compressed = Compress(original, tool, [.. fragments.Split(' '), offsetTable]);
        var pixels = (DicomFragmentSequence)compressed.Dataset.GetItem(DicomTags.PixelData)!;
        if (fragments.StartsWith("+fs", StringComparison.Ordinal) && tool != "dcmcrle")
        {
            Assert.True(pixels.Fragments.Count > Frames, $"{pixels.Fragments.Count} fragments: the test needs frames split over several");
        }
        Assert.Equal(offsetTable == "+ot", !pixels.OffsetTable.IsEmpty);

        for (var frame = 0; frame < Frames; frame++)
        {
            Assert.Equal(DicomPixelData.GetFrameBytes(original, frame).ToArray(), DicomPixelData.GetFrameBytes(compressed.Dataset, frame).ToArray());
        }
        var native = DicomDecompressor.Decompress(compressed.Dataset);
        Assert.Equal(original.GetBytes(DicomTags.PixelData).ToArray(), native.GetBytes(DicomTags.PixelData).ToArray());
        Assert.Equal(DicomVR.OW, native.GetItem(DicomTags.PixelData)!.VR);
    }

    [Fact]
    public void An_offset_table_that_does_not_point_at_fragments_is_refused()
    {
        var compressed = Compress(MultiFrame(), "dcmcjpls", ["+ff", "+ot"]);
        var pixels = (DicomFragmentSequence)compressed.Dataset.GetItem(DicomTags.PixelData)!;
        var table = pixels.OffsetTable.ToArray();
        table[4] += 2; // frame 2 now starts two bytes into frame 1's fragment
        compressed.Dataset.AddOrUpdate(new DicomFragmentSequence(DicomTags.PixelData, DicomVR.OB, table, pixels.Fragments) { TransferSyntaxUid = pixels.TransferSyntaxUid });

        var error = Assert.Throws<DicomFormatException>(() => DicomPixelData.GetFrameBytes(compressed.Dataset, 1));
        Assert.Contains("Offset table entry 1", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Fragments_that_cannot_be_assigned_to_frames_are_refused_with_the_counts()
    {
        var compressed = Compress(MultiFrame(), "dcmcrle", ["+ff", "-ot"]);
        var pixels = (DicomFragmentSequence)compressed.Dataset.GetItem(DicomTags.PixelData)!;
        compressed.Dataset.AddOrUpdate(new DicomFragmentSequence(DicomTags.PixelData, DicomVR.OB, ReadOnlyMemory<byte>.Empty, [.. pixels.Fragments, new byte[] { 1, 2 }])
        {
            TransferSyntaxUid = pixels.TransferSyntaxUid,
        });

        var error = Assert.Throws<DicomFormatException>(() => DicomPixelData.GetFrameBytes(compressed.Dataset, 0));
        Assert.Equal($"Encapsulated Pixel Data has {Frames + 1} fragments for {Frames} frames and no offset table to tell which belong to which frame.", error.Message);
    }

    [Fact]
    public void Lossy_and_undecodable_syntaxes_say_why_and_are_not_decoded()
    {
        var dataset = MultiFrame();
        dataset.AddOrUpdate(new DicomFragmentSequence(DicomTags.PixelData, DicomVR.OB, ReadOnlyMemory<byte>.Empty, [new byte[] { 0xFF, 0xD8 }])
        {
            TransferSyntaxUid = "1.2.840.10008.1.2.4.50",
        });

        Assert.StartsWith("JPEG Baseline (Process 1) (1.2.840.10008.1.2.4.50) may be lossy", DicomPixelData.WhyNotReadable(dataset), StringComparison.Ordinal);
        var error = Assert.Throws<NotSupportedException>(() => DicomPixelData.GetFrame(dataset, 0));
        Assert.Contains("may be lossy", error.Message, StringComparison.Ordinal);
        Assert.Contains("cannot be decoded here", FrameDecoders.WhyNotDecodable(TransferSyntax.Parse("1.2.840.10008.1.2.4.90")), StringComparison.Ordinal);
        Assert.Null(FrameDecoders.WhyNotDecodable(TransferSyntax.Parse("1.2.840.10008.1.2.4.80")));
        Assert.Null(FrameDecoders.WhyNotDecodable(TransferSyntax.ExplicitVRLittleEndian));
    }

    [Fact]
    public void Every_syntax_offered_as_decodable_has_a_decoder()
    {
        foreach (var uid in FrameDecoders.TransferSyntaxUids)
        {
            Assert.True(FrameDecoders.TryGet(uid, out var decoder), uid);
            Assert.Contains(uid, decoder.TransferSyntaxUids);
            Assert.False(CompressedTransferSyntaxes.MayBeLossy(uid), uid);
        }
    }

    private static DicomDataset MultiFrame()
    {
        var dataset = TestDatasets.Pet();
        var pixels = new ushort[Rows * Columns * Frames];
        for (var i = 0; i < pixels.Length; i++)
        {
            var frame = i / (Rows * Columns);
            pixels[i] = (ushort)(frame * 9000 + (i % Columns) * 150 + (i / Columns % Rows) * 40 + (i * 7 % 13));
        }
        DicomPixelData.SetPixelData(dataset, Rows, Columns, pixels, Frames);
        return dataset;
    }

    private static DicomFile Compress(DicomDataset dataset, string tool, string[] options)
    {
        using var dir = new TempDirectory();
        var source = dir.File("native.dcm");
        var target = dir.File("compressed.dcm");
        DicomFile.Create(dataset).Save(source);
        var run = ExternalTool.Run(tool, [.. options, source, target]);
        Assert.True(run.ExitCode == 0, run.All);
        return DicomFile.Open(File.ReadAllBytes(target));
    }
}
