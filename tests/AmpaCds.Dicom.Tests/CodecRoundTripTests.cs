using System.Buffers.Binary;

namespace AmpaCds.Dicom.Tests;

public class CodecRoundTripTests
{
    public static TheoryData<string> WritableSyntaxes => new()
    {
        TransferSyntax.ImplicitVRLittleEndian.Uid,
        TransferSyntax.ExplicitVRLittleEndian.Uid,
        TransferSyntax.DeflatedExplicitVRLittleEndian.Uid,
    };

    /// <summary>One element of every VR, with values whose bytes are easy to get wrong.</summary>
    internal static DicomDataset EveryVR()
    {
        var ds = new DicomDataset();
        ushort element = 0x1000;
        DicomTag Next() => new(0x0011, element++);
        ds.AddOrUpdate(new DicomTag(0x0011, 0x0010), DicomVR.LO, "AMPACDS TEST");
        foreach (var vr in DicomVR.All)
        {
            var tag = Next();
            if (vr == DicomVR.SQ) ds.AddSequence(tag, new DicomDataset().AddOrUpdate(DicomTags.PatientID, DicomVR.LO, "in-seq"));
            else if (vr == DicomVR.AT) ds.AddOrUpdate(tag, DicomTags.PatientName, DicomTags.PixelData);
            else if (vr == DicomVR.DS) ds.AddOrUpdate(tag, vr, -1.5, 2.25e-7);
            else if (vr == DicomVR.IS) ds.AddOrUpdate(tag, vr, -42);
            else if (DicomValueParser_IsNumeric(vr)) ds.AddOrUpdate(tag, vr, 1.0, 2.0, 255.0);
            else if (vr == DicomVR.OB || vr == DicomVR.UN) ds.AddOrUpdate(tag, vr, [1, 2, 3]);
            else if (vr == DicomVR.DA) ds.AddOrUpdate(tag, vr, "20240229");
            else if (vr == DicomVR.TM) ds.AddOrUpdate(tag, vr, "235959.123");
            else if (vr == DicomVR.DT) ds.AddOrUpdate(tag, vr, "20240229235959.123456+0100");
            else if (vr == DicomVR.AS) ds.AddOrUpdate(tag, vr, "045Y");
            else if (vr == DicomVR.UI) ds.AddOrUpdate(tag, vr, "1.2.840.10008.1.2.1");
            else if (vr == DicomVR.UR) ds.AddOrUpdate(tag, vr, "https://example.org/a b");
            else ds.AddOrUpdate(tag, vr, $"{vr.Code} value");
        }
        return ds;
    }

    private static bool DicomValueParser_IsNumeric(DicomVR vr) =>
        vr == DicomVR.US || vr == DicomVR.SS || vr == DicomVR.UL || vr == DicomVR.SL || vr == DicomVR.FL || vr == DicomVR.FD
        || vr == DicomVR.SV || vr == DicomVR.UV || vr == DicomVR.OW || vr == DicomVR.OL || vr == DicomVR.OF || vr == DicomVR.OD
        || vr == DicomVR.OV;

    [Theory]
    [MemberData(nameof(WritableSyntaxes))]
    public void Every_vr_round_trips_with_identical_value_bytes(string syntaxUid)
    {
        var syntax = TransferSyntax.Parse(syntaxUid);
        var original = EveryVR();
        var read = DicomDatasetReader.Read(DicomDatasetWriter.Write(original, syntax), syntax);
        Assert.Equal(original.Count, read.Count);
        foreach (var item in original)
        {
            var copy = read.GetItem(item.Tag);
            Assert.NotNull(copy);
            if (item is DicomElement e)
            {
                Assert.Equal(e.Buffer.ToArray(), ((DicomElement)copy).Buffer.ToArray());
                // Implicit VR loses private VRs (they come back as UN); explicit keeps them.
                if (syntax.IsExplicitVR) Assert.Same(e.VR, copy.VR);
            }
        }
        Assert.Equal(-1.5, read.GetDouble(new DicomTag(0x0011, (ushort)(0x1000 + IndexOf(DicomVR.DS)))));
        Assert.Equal("in-seq", read.GetSequence(new DicomTag(0x0011, (ushort)(0x1000 + IndexOf(DicomVR.SQ))))[0].GetString(DicomTags.PatientID));
    }

    private static ushort IndexOf(DicomVR vr) => (ushort)DicomVR.All.ToList().IndexOf(vr);

    [Theory]
    [MemberData(nameof(WritableSyntaxes))]
    public void Nested_sequences_with_defined_and_undefined_lengths_round_trip(string syntaxUid)
    {
        var syntax = TransferSyntax.Parse(syntaxUid);
        var bytes = DicomDatasetWriter.Write(NestedMixedLengths(depth: 5), syntax);
        var read = DicomDatasetReader.Read(bytes, syntax);
        var level = read;
        for (var d = 5; d > 0; d--)
        {
            Assert.Equal($"level {d}", level.GetString(DicomTags.StudyDescription));
            var items = level.GetSequence(DicomTags.RadiopharmaceuticalInformationSequence);
            Assert.Equal(2, items.Count);
            Assert.Equal("sibling", items[1].GetString(DicomTags.Radiopharmaceutical));
            level = items[0];
        }
        Assert.Equal("leaf", level.GetString(DicomTags.StudyDescription));
        Assert.Equal(bytes, DicomDatasetWriter.Write(read, syntax));
    }

    /// <summary>Alternates defined/undefined sequence and item lengths at each level.</summary>
    internal static DicomDataset NestedMixedLengths(int depth)
    {
        if (depth == 0) return new DicomDataset().AddOrUpdate(DicomTags.StudyDescription, DicomVR.LO, "leaf");
        var child = NestedMixedLengths(depth - 1);
        child.UndefinedLength = depth % 2 == 0;
        var sibling = new DicomDataset { UndefinedLength = depth % 3 == 0 }
            .AddOrUpdate(DicomTags.Radiopharmaceutical, DicomVR.LO, "sibling");
        return new DicomDataset()
            .AddOrUpdate(DicomTags.StudyDescription, DicomVR.LO, $"level {depth}")
            .AddOrUpdate(new DicomSequence(DicomTags.RadiopharmaceuticalInformationSequence, [child, sibling], undefinedLength: depth % 2 == 1));
    }

    [Fact]
    public void Explicit_little_endian_rewrite_is_byte_identical()
    {
        var file = DicomFile.Create(TestDatasets.Pet());
        file.Dataset.AddOrUpdate(NestedMixedLengths(3).GetItem(DicomTags.RadiopharmaceuticalInformationSequence)!);
        var first = file.ToBytes();
        var second = DicomFile.Open(first).ToBytes();
        Assert.Equal(first, second);
    }

    [Fact]
    public void Private_tags_survive_implicit_vr_as_raw_bytes()
    {
        var syntax = TransferSyntax.ImplicitVRLittleEndian;
        var read = DicomDatasetReader.Read(DicomDatasetWriter.Write(TestDatasets.Pet(), syntax), syntax);
        Assert.Equal(DicomVR.UN, read.GetItem(DicomTags.PhilipsSuvScaleFactor)!.VR);
        Assert.Equal(0.000532, read.GetDouble(DicomTags.PhilipsSuvScaleFactor)); // UN text parsed as DS
        Assert.Equal("Philips PET Private Group", read.GetString(DicomTags.PhilipsPrivateCreator));
    }

    [Fact]
    public void Deflated_dataset_is_smaller_and_starts_without_zlib_header()
    {
        var ds = TestDatasets.Pet();
        var plain = DicomDatasetWriter.Write(ds, TransferSyntax.ExplicitVRLittleEndian);
        var deflated = DicomDatasetWriter.Write(ds, TransferSyntax.DeflatedExplicitVRLittleEndian);
        Assert.True(deflated.Length < plain.Length);
        Assert.NotEqual(0x78, deflated[0]); // 0x78 would be a zlib wrapper, which PS3.5 A.5 forbids
        Assert.Equal(plain, DicomDatasetWriter.Write(
            DicomDatasetReader.Read(deflated, TransferSyntax.DeflatedExplicitVRLittleEndian), TransferSyntax.ExplicitVRLittleEndian));
    }

    [Fact]
    public void File_meta_has_correct_group_length_and_identity()
    {
        var bytes = DicomFile.Create(TestDatasets.Pet(), TransferSyntax.ImplicitVRLittleEndian.Uid).ToBytes();
        Assert.Equal("DICM"u8.ToArray(), bytes[128..132]);
        var groupLength = BinaryPrimitives.ReadUInt32LittleEndian(bytes.AsSpan(140));
        var afterMeta = 144 + (int)groupLength;
        Assert.Equal(0x0008, BinaryPrimitives.ReadUInt16LittleEndian(bytes.AsSpan(afterMeta))); // first dataset group
        var file = DicomFile.Open(bytes);
        Assert.Equal(TransferSyntax.ImplicitVRLittleEndian, file.TransferSyntax);
        Assert.Equal(DicomImplementation.ClassUid, file.FileMetaInformation.GetString(DicomTags.ImplementationClassUID));
        Assert.Equal("AMPACDS_1", file.FileMetaInformation.GetString(DicomTags.ImplementationVersionName));
        Assert.Equal(file.Dataset.GetString(DicomTags.SOPInstanceUID), file.FileMetaInformation.GetString(DicomTags.MediaStorageSOPInstanceUID));
    }

    [Fact]
    public void Stop_before_pixel_data_skips_pixels_but_keeps_header()
    {
        var bytes = DicomFile.Create(TestDatasets.Pet()).ToBytes();
        var file = DicomFile.Open(new MemoryStream(bytes), new DicomReadOptions { StopBeforePixelData = true });
        Assert.False(file.Dataset.Contains(DicomTags.PixelData));
        Assert.Equal(TestDatasets.Size, file.Dataset.GetInt(DicomTags.Rows));
    }

    [Fact]
    public void Encapsulated_pixel_data_is_kept_as_fragments_and_refused_for_decoding_without_a_lossless_decoder()
    {
        var ds = TestDatasets.Pet();
        ds.AddOrUpdate(new DicomFragmentSequence(DicomTags.PixelData, DicomVR.OB, ReadOnlyMemory<byte>.Empty,
            [new byte[] { 0xFF, 0xD8, 0xFF, 0xD9 }, new byte[] { 1, 2 }]));
        var bytes = DicomFile.Create(ds, "1.2.840.10008.1.2.4.51").ToBytes(); // JPEG Extended: lossy, no decoder on purpose
        var read = DicomFile.Open(bytes);
        Assert.True(read.TransferSyntax.IsEncapsulated);
        Assert.True(DicomPixelData.IsEncapsulated(read.Dataset));
        var fragments = Assert.IsType<DicomFragmentSequence>(read.Dataset.GetItem(DicomTags.PixelData));
        Assert.Equal([0xFF, 0xD8, 0xFF, 0xD9], fragments.Fragments[0].ToArray());
        var ex = Assert.Throws<NotSupportedException>(() => DicomPixelData.GetFrame(read.Dataset, 0));
        Assert.Equal("Pixel Data is encapsulated: JPEG Extended (Process 2 & 4) (1.2.840.10008.1.2.4.51) may be lossy: quantification needs "
            + "the stored values, so send it uncompressed or losslessly compressed.", ex.Message);
        Assert.Equal(bytes, read.ToBytes());
        // The same fragments labelled JPEG Lossless go to the decoder, which finds no frame in them.
        var lossless = DicomFile.Open(DicomFile.Create(ds, "1.2.840.10008.1.2.4.70").ToBytes());
        Assert.Throws<DicomFormatException>(() => DicomPixelData.GetFrame(lossless.Dataset, 0));
    }
}
