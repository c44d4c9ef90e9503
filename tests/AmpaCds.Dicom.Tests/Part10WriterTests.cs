namespace AmpaCds.Dicom.Tests;

public class Part10WriterTests
{
    [Theory]
    [InlineData("1.2.840.10008.1.2.1")]
    [InlineData("1.2.840.10008.1.2")]
    [InlineData("1.2.840.10008.1.2.1.99")]
    public void Raw_dataset_wrapped_as_part_10_equals_the_re_encoded_file_byte_for_byte(string syntax)
    {
        var dataset = TestDatasets.Pet(instanceNumber: 3);
        var raw = DicomDatasetWriter.Write(dataset, TransferSyntax.Parse(syntax));
        var sop = dataset.GetString(DicomTags.SOPInstanceUID)!;

        var wrapped = DicomPart10Writer.Write(raw, syntax, DicomUids.PetImageStorage, sop);

        Assert.Equal(DicomFile.Create(dataset, syntax).ToBytes(), wrapped);
        var reopened = DicomFile.Open(wrapped);
        Assert.Equal(syntax, reopened.TransferSyntax.Uid);
        Assert.Equal(sop, reopened.FileMetaInformation.GetString(DicomTags.MediaStorageSOPInstanceUID));
        Assert.Equal(dataset.GetBytes(DicomTags.PixelData).ToArray(), reopened.Dataset.GetBytes(DicomTags.PixelData).ToArray());
    }

    [Fact]
    public void Source_ae_title_goes_into_the_meta_and_dcmdump_reads_the_file()
    {
        using var dir = new TempDirectory();
        var dataset = TestDatasets.Pet();
        var path = dir.File("raw.dcm");
        File.WriteAllBytes(path, DicomPart10Writer.Write(DicomDatasetWriter.Write(dataset, TransferSyntax.ImplicitVRLittleEndian),
            TransferSyntax.ImplicitVRLittleEndian.Uid, DicomUids.PetImageStorage, dataset.GetString(DicomTags.SOPInstanceUID)!, "MODALITY1"));
        var dump = ExternalTool.Run("dcmdump", [path]);
        Assert.True(dump.ExitCode == 0, dump.All);
        Assert.Contains("(0002,0016) AE [MODALITY1]", dump.StdOut);
        Assert.Contains("(0002,0010) UI =LittleEndianImplicit", dump.StdOut);
        Assert.Contains("(0010,0010) PN [Doe^John]", dump.StdOut);
        Assert.DoesNotContain("E:", dump.All);
    }

    [Fact]
    public void Big_endian_and_odd_length_datasets_are_refused()
    {
        Assert.Throws<ArgumentException>(() =>
            DicomPart10Writer.Write(new byte[8], TransferSyntax.ExplicitVRBigEndian.Uid, DicomUids.PetImageStorage, "1.2.3"));
        Assert.Contains("odd length", Assert.Throws<DicomFormatException>(() =>
            DicomPart10Writer.Write(new byte[7], TransferSyntax.ExplicitVRLittleEndian.Uid, DicomUids.PetImageStorage, "1.2.3")).Message);
    }
}
