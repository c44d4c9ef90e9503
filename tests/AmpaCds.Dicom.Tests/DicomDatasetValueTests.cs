namespace AmpaCds.Dicom.Tests;

public class DicomDatasetValueTests
{
    [Fact]
    public void Tag_formats_as_group_element_hex() =>
        Assert.Equal("(7FE0,0010)", DicomTags.PixelData.ToString());

    [Fact]
    public void Dictionary_gives_vrs_for_known_private_creator_group_length_and_unknown_tags()
    {
        Assert.Equal(DicomVR.DS, DicomDictionary.GetVR(DicomTags.RadionuclideTotalDose));
        Assert.Equal(DicomVR.SQ, DicomDictionary.GetVR(DicomTags.RadiopharmaceuticalInformationSequence));
        Assert.Equal(DicomVR.LO, DicomDictionary.GetVR(new DicomTag(0x7053, 0x0010)));
        Assert.Equal(DicomVR.UL, DicomDictionary.GetVR(new DicomTag(0x0009, 0x0000)));
        Assert.Equal(DicomVR.UN, DicomDictionary.GetVR(new DicomTag(0x7053, 0x1000)));
    }

    [Theory]
    [InlineData(0.123456789012345, "0.12345678901234")]
    [InlineData(370000000, "370000000")]
    [InlineData(-1.0 / 3.0, "-0.3333333333333")]
    [InlineData(1.5e-12, "1.5E-12")]
    public void Decimal_strings_fit_16_characters(double value, string expected)
    {
        var text = DicomValueFormatter.FormatDecimalString(value);
        Assert.Equal(expected, text);
        Assert.True(text.Length <= 16);
    }

    [Fact]
    public void Text_values_are_padded_to_even_length_with_space_and_uids_with_nul()
    {
        var ds = new DicomDataset()
            .AddOrUpdate(DicomTags.Modality, DicomVR.CS, "PET")
            .AddOrUpdate(DicomTags.SOPInstanceUID, DicomVR.UI, "1.2.3");
        Assert.Equal("PET "u8.ToArray(), ds.GetBytes(DicomTags.Modality).ToArray());
        Assert.Equal("1.2.3\0"u8.ToArray(), ds.GetBytes(DicomTags.SOPInstanceUID).ToArray());
        Assert.Equal("PET", ds.GetString(DicomTags.Modality));
        Assert.Equal("1.2.3", ds.GetString(DicomTags.SOPInstanceUID));
    }

    [Fact]
    public void Multi_valued_numbers_can_be_read_by_index_and_as_array()
    {
        var ds = TestDatasets.Pet(instanceNumber: 3);
        Assert.Equal(37.5, ds.GetDouble(DicomTags.ImagePositionPatient, 2));
        Assert.Equal([-250.0, -250.0, 37.5], ds.GetDoubles(DicomTags.ImagePositionPatient));
        Assert.Equal(["ORIGINAL", "PRIMARY"], ds.GetStrings(DicomTags.ImageType));
        Assert.Equal(3, ds.GetInt(DicomTags.InstanceNumber));
        Assert.Equal(47, ds.GetInt(DicomTags.NumberOfSlices));
        Assert.Equal("47", ds.GetString(DicomTags.NumberOfSlices));
        Assert.False(ds.TryGetDouble(DicomTags.ImagePositionPatient, out _, 3));
        Assert.Null(ds.GetString(DicomTags.AccessionNumber));
        Assert.False(ds.Contains(DicomTags.AccessionNumber));
        Assert.Throws<KeyNotFoundException>(() => ds.GetDouble(DicomTags.PatientSize));
    }

    [Fact]
    public void Binary_vrs_store_little_endian_values()
    {
        var ds = new DicomDataset()
            .AddOrUpdate(new DicomTag(0x0009, 0x1001), DicomVR.SS, -2.0)
            .AddOrUpdate(new DicomTag(0x0009, 0x1002), DicomVR.FD, 1.25, -3.5)
            .AddOrUpdate(new DicomTag(0x0009, 0x1003), DicomVR.SV, -5_000_000_000.0)
            .AddOrUpdate(new DicomTag(0x0009, 0x1004), DicomVR.UL, 4_000_000_000.0);
        Assert.Equal([0xFE, 0xFF], ds.GetBytes(new DicomTag(0x0009, 0x1001)).ToArray());
        Assert.Equal(-3.5, ds.GetDouble(new DicomTag(0x0009, 0x1002), 1));
        Assert.Equal(-5_000_000_000.0, ds.GetDouble(new DicomTag(0x0009, 0x1003)));
        Assert.Equal(4_000_000_000.0, ds.GetDouble(new DicomTag(0x0009, 0x1004)));
    }

    [Fact]
    public void Overlong_values_are_rejected_with_the_vr_limit()
    {
        var ds = new DicomDataset();
        var ex = Assert.Throws<ArgumentException>(() => ds.AddOrUpdate(DicomTags.SOPInstanceUID, DicomVR.UI, new string('1', 65)));
        Assert.Contains("64", ex.Message);
    }

    [Fact]
    public void Sequence_items_inherit_the_character_set_of_their_parent()
    {
        var item = new DicomDataset();
        var ds = new DicomDataset().AddOrUpdate(DicomTags.SpecificCharacterSet, DicomVR.CS, "ISO_IR 192");
        ds.AddSequence(DicomTags.RadiopharmaceuticalInformationSequence, item);
        item.AddOrUpdate(DicomTags.Radiopharmaceutical, DicomVR.LO, "¹⁸F-FDG");
        Assert.Equal("¹⁸F-FDG", ds.GetSequence(DicomTags.RadiopharmaceuticalInformationSequence)[0].GetString(DicomTags.Radiopharmaceutical));
        // Encoded with the inherited UTF-8, not the default repertoire (10 bytes, already even).
        Assert.Equal(System.Text.Encoding.UTF8.GetBytes("¹⁸F-FDG"), item.GetBytes(DicomTags.Radiopharmaceutical).ToArray());
    }
}
