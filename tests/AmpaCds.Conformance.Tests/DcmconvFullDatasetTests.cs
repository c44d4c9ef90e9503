using System.Globalization;
using System.Text.Json;
using AmpaCds.Dicom;
using AmpaCds.Dicom.Tests;

namespace AmpaCds.Conformance.Tests;

/// <summary>
/// A simulated PET slice converted by DCMTK dcmconv into each transfer syntax: every element dcm2json reports, at every
/// sequence depth, has the same value when our codec reads the converted file (not a chosen few attributes).
/// </summary>
public class DcmconvFullDatasetTests
{
    [Theory]
    [InlineData("+ti", "1.2.840.10008.1.2")]
    [InlineData("+te", "1.2.840.10008.1.2.1")]
    [InlineData("+td", "1.2.840.10008.1.2.1.99")]
    [InlineData("+tb", "1.2.840.10008.1.2.2")]
    public void Every_element_dcm2json_sees_reads_the_same_with_our_codec(string option, string expectedSyntax)
    {
        using var dir = new TempDirectory();
        var source = PetSeriesFiles.Write(dir.File("series"), seed: 77, slices: 2, size: 16)[1];
        var converted = dir.File("converted.dcm");
        var conv = ExternalTool.Run("dcmconv", [option, source, converted]);
        Assert.True(conv.ExitCode == 0, conv.All);
        var json = ExternalTool.Run("dcm2json", [converted]); // 3.6.7 writes binary values as InlineBinary (base64)
        Assert.True(json.ExitCode == 0, json.All);

        var file = DicomFile.Open(converted);
        Assert.Equal(expectedSyntax, file.TransferSyntax.Uid);
        using var doc = JsonDocument.Parse(json.StdOut);
        var compared = Compare(doc.RootElement, file.Dataset, "");
        Assert.True(compared > 40, $"only {compared} elements compared");
    }

    private static int Compare(JsonElement json, DicomDataset dataset, string path)
    {
        var count = 0;
        foreach (var property in json.EnumerateObject())
        {
            var tag = new DicomTag(ushort.Parse(property.Name[..4], NumberStyles.HexNumber), ushort.Parse(property.Name[4..], NumberStyles.HexNumber));
            if (tag.Group == 0x0002) continue; // file meta is not part of the dataset
            var where = $"{path}{tag}";
            var vr = property.Value.GetProperty("vr").GetString()!;
            var hasValue = property.Value.TryGetProperty("Value", out var value);
            count++;
            switch (vr)
            {
                case "SQ":
                    var items = dataset.GetSequence(tag);
                    var jsonItems = hasValue ? value.EnumerateArray().ToList() : [];
                    Assert.True(jsonItems.Count == items.Count, $"{where}: {items.Count} items, dcm2json {jsonItems.Count}");
                    for (var i = 0; i < items.Count; i++) count += Compare(jsonItems[i], items[i], $"{where}[{i}]/");
                    break;
                case "OB" or "OW" or "OD" or "OF" or "OL" or "OV" or "UN":
                    if (property.Value.TryGetProperty("InlineBinary", out var inline))
                        Assert.True(Convert.FromBase64String(inline.GetString()!).AsSpan().SequenceEqual(dataset.GetBytes(tag).Span), $"{where}: bytes differ");
                    break;
                case "PN":
                    var names = hasValue ? value.EnumerateArray().Select(v => v.TryGetProperty("Alphabetic", out var a) ? a.GetString() : "").ToArray() : [];
                    Assert.True(names.SequenceEqual(dataset.GetStrings(tag).Select(n => n.Split('=')[0])), $"{where}: PN differs");
                    break;
                case "DS" or "IS" or "US" or "UL" or "SS" or "SL" or "FL" or "FD" or "SV" or "UV":
                    var expected = hasValue ? value.EnumerateArray().Select(v => v.ValueKind == JsonValueKind.String
                        ? double.Parse(v.GetString()!, CultureInfo.InvariantCulture) : v.GetDouble()).ToArray() : [];
                    var actual = hasValue ? dataset.GetDoubles(tag) : [];
                    Assert.True(expected.SequenceEqual(actual), $"{where} {vr}: ours [{string.Join(",", actual)}], dcm2json [{string.Join(",", expected)}]");
                    break;
                case "AT":
                    break; // not present in PET slices; AT formatting differs between JSON and our hex-free accessors
                default:
                    var strings = hasValue ? value.EnumerateArray().Select(v => v.GetString() ?? "").ToArray() : [];
                    var ours = dataset.GetStrings(tag);
                    Assert.True(strings.SequenceEqual(ours), $"{where} {vr}: ours [{string.Join("|", ours)}], dcm2json [{string.Join("|", strings)}]");
                    break;
            }
        }
        return count;
    }
}
