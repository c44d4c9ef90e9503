using System.Text;

namespace AmpaCds.Dicom.Tests;

public class CharacterSetTests
{
    [Fact]
    public void Latin1_names_are_encoded_one_byte_per_character()
    {
        var ds = new DicomDataset()
            .AddOrUpdate(DicomTags.SpecificCharacterSet, DicomVR.CS, "ISO_IR 100")
            .AddOrUpdate(DicomTags.PatientName, DicomVR.PN, "Müller^Jürgen");
        Assert.Equal(Encoding.Latin1.GetBytes("Müller^Jürgen "), ds.GetBytes(DicomTags.PatientName).ToArray());
        Assert.Equal("Müller^Jürgen", ds.GetString(DicomTags.PatientName));
    }

    [Fact]
    public void Utf8_names_round_trip_through_a_file()
    {
        var ds = TestDatasets.Pet(patientName: "Ωμέγα^Łukasz");
        ds.AddOrUpdate(DicomTags.SpecificCharacterSet, DicomVR.CS, "ISO_IR 192");
        ds.AddOrUpdate(DicomTags.PatientName, DicomVR.PN, "Ωμέγα^Łukasz");
        var bytes = DicomFile.Create(ds).ToBytes();
        Assert.Equal("Ωμέγα^Łukasz", DicomFile.Open(bytes).Dataset.GetString(DicomTags.PatientName));
    }

    [Fact]
    public void Japanese_person_name_with_iso2022_escapes_decodes_all_three_groups()
    {
        // PS3.5 H.3.1 example: "Yamada^Tarou=ESC$B;3ED(ESC(B^ESC$BB@O:(ESC(B=ESC$B$d$^$@(ESC(B^ESC$B$?$m$&(ESC(B"
        var raw = Encoding.ASCII.GetBytes(
            "Yamada^Tarou=\u001b$B;3ED\u001b(B^\u001b$BB@O:\u001b(B=\u001b$B$d$^$@\u001b(B^\u001b$B$?$m$&\u001b(B ");
        var ds = new DicomDataset()
            .AddOrUpdate(DicomTags.SpecificCharacterSet, DicomVR.CS, "", "ISO 2022 IR 87")
            .AddOrUpdate(DicomTags.PatientName, DicomVR.PN, raw);
        Assert.Equal("Yamada^Tarou=山田^太郎=やまだ^たろう", ds.GetString(DicomTags.PatientName));
    }

    [Fact]
    public void Japanese_person_name_is_encoded_with_escapes_and_reads_back()
    {
        var ds = new DicomDataset()
            .AddOrUpdate(DicomTags.SpecificCharacterSet, DicomVR.CS, "", "ISO 2022 IR 87")
            .AddOrUpdate(DicomTags.PatientName, DicomVR.PN, "Yamada^Tarou=山田^太郎=やまだ^たろう");
        var bytes = ds.GetBytes(DicomTags.PatientName).ToArray();
        Assert.Contains((byte)0x1B, bytes);
        Assert.StartsWith("Yamada^Tarou=\u001b$B;3ED\u001b(B^", Encoding.ASCII.GetString(bytes));
        Assert.Equal("Yamada^Tarou=山田^太郎=やまだ^たろう", ds.GetString(DicomTags.PatientName));
    }

    [Fact]
    public void Half_width_katakana_decodes_from_iso_ir_13()
    {
        var ds = new DicomDataset()
            .AddOrUpdate(DicomTags.SpecificCharacterSet, DicomVR.CS, "ISO_IR 13")
            .AddOrUpdate(DicomTags.PatientName, DicomVR.PN, [0xD4, 0xCF, 0xC0, 0xDE, 0x5E, 0xC0, 0xDB, 0xB3]);
        Assert.Equal("ﾔﾏﾀﾞ^ﾀﾛｳ", ds.GetString(DicomTags.PatientName));
    }
}
