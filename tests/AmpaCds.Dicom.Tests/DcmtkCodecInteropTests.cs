using System.Text.Json;

namespace AmpaCds.Dicom.Tests;

public class DcmtkCodecInteropTests
{
    [Fact]
    public void Dcmdump_reads_the_values_we_wrote()
    {
        using var dir = new TempDirectory();
        var path = dir.File("pet.dcm");
        DicomFile.Create(TestDatasets.Pet(patientName: "Müller^Jürgen")).Save(path);
        var dump = ExternalTool.Run("dcmdump", ["+U8", path]);
        Assert.True(dump.ExitCode == 0, dump.All);
        Assert.Contains("(0010,0010) PN [Müller^Jürgen]", dump.StdOut);
        Assert.Contains("(0028,0010) US 8", dump.StdOut);
        Assert.Contains("(0028,1053) DS [0.12345678901234]", dump.StdOut);
        Assert.Contains("(0018,1074) DS [370000000]", dump.StdOut);
        Assert.Contains("(0002,0010) UI =LittleEndianExplicit", dump.StdOut);
        Assert.DoesNotContain("W:", dump.All);
        Assert.DoesNotContain("E:", dump.All);
    }

    [Theory]
    [InlineData("+ti", "1.2.840.10008.1.2")]
    [InlineData("+te", "1.2.840.10008.1.2.1")]
    [InlineData("+td", "1.2.840.10008.1.2.1.99")]
    [InlineData("+tb", "1.2.840.10008.1.2.2")]
    public void Files_converted_by_dcmconv_read_like_dcm2json_shows_them(string option, string expectedSyntax)
    {
        using var dir = new TempDirectory();
        var original = TestDatasets.Pet(instanceNumber: 5);
        var source = dir.File("source.dcm");
        var converted = dir.File("converted.dcm");
        DicomFile.Create(original).Save(source);
        var conv = ExternalTool.Run("dcmconv", [option, source, converted]);
        Assert.True(conv.ExitCode == 0, conv.All);
        var json = ExternalTool.Run("dcm2json", [converted]);
        Assert.True(json.ExitCode == 0, json.All);
        using var doc = JsonDocument.Parse(json.StdOut);
        var root = doc.RootElement;

        var file = DicomFile.Open(converted);
        Assert.Equal(expectedSyntax, file.TransferSyntax.Uid);
        var ds = file.Dataset;
        Assert.Equal(JsonString(root, "00100010"), ds.GetString(DicomTags.PatientName));
        Assert.Equal(JsonString(root, "00100020"), ds.GetString(DicomTags.PatientID));
        Assert.Equal(JsonString(root, "00080060"), ds.GetString(DicomTags.Modality));
        Assert.Equal(JsonNumbers(root, "00280010"), ds.GetDoubles(DicomTags.Rows));
        Assert.Equal(JsonNumbers(root, "00540081"), ds.GetDoubles(DicomTags.NumberOfSlices));
        Assert.Equal(JsonNumbers(root, "00200032"), ds.GetDoubles(DicomTags.ImagePositionPatient));
        Assert.Equal(JsonNumbers(root, "00281053"), ds.GetDoubles(DicomTags.RescaleSlope));
        Assert.Equal(JsonNumbers(root, "00200013"), ds.GetDoubles(DicomTags.InstanceNumber));
        var jsonItem = root.GetProperty("00540016").GetProperty("Value")[0];
        var item = ds.GetSequence(DicomTags.RadiopharmaceuticalInformationSequence)[0];
        Assert.Equal(JsonString(jsonItem, "00180031"), item.GetString(DicomTags.Radiopharmaceutical));
        Assert.Equal(JsonNumbers(jsonItem, "00181075"), item.GetDoubles(DicomTags.RadionuclideHalfLife));
        Assert.Equal(DicomPixelData.GetFrame(original, 0), DicomPixelData.GetFrame(ds, 0));
        Assert.Equal(64 * 1000 - 1000 + 5, DicomPixelData.GetFrame(ds, 0)[^1]);
    }

    private static string JsonString(JsonElement root, string tag)
    {
        var value = root.GetProperty(tag).GetProperty("Value")[0];
        return value.ValueKind == JsonValueKind.Object ? value.GetProperty("Alphabetic").GetString()! : value.GetString()!;
    }

    private static double[] JsonNumbers(JsonElement root, string tag) =>
        root.GetProperty(tag).GetProperty("Value").EnumerateArray()
            .Select(v => v.ValueKind == JsonValueKind.String ? double.Parse(v.GetString()!, System.Globalization.CultureInfo.InvariantCulture) : v.GetDouble())
            .ToArray();
}
