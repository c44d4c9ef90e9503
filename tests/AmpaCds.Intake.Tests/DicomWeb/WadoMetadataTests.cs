using System.Net;
using System.Text.Json;
using static AmpaCds.Intake.Tests.DicomWeb.StowJson;
using static AmpaCds.Intake.Tests.DicomWeb.WadoStoredStudy;

namespace AmpaCds.Intake.Tests.DicomWeb;

/// <summary>WADO-RS metadata: every attribute of each stored instance as DICOM JSON, Pixel Data left out.</summary>
public sealed class WadoMetadataTests(WadoStoredStudy stored) : IClassFixture<WadoStoredStudy>
{
    private const string PixelData = "7FE00010";

    [Fact]
    public async Task StudyMetadataHasOneObjectPerInstanceWithTheFilesValues()
    {
        var instances = await GetAsync($"{stored.StudyUrl}/metadata");

        Assert.Equal(3, instances.Count);
        var bySop = instances.ToDictionary(instance => Text(instance, "00080018")!);
        Assert.Equal([ExplicitSop, ImplicitSop, PydicomSop], bySop.Keys.Order(StringComparer.Ordinal));
        Assert.Equal(4, Number(bySop[ExplicitSop], "00280010"));
        Assert.Equal("US", Vr(bySop[ExplicitSop], "00280010"));
        Assert.Equal(8, Number(bySop[PydicomSop], "00280010"));
        Assert.Equal(8, Number(bySop[PydicomSop], "00280011"));
        Assert.Equal("P88", Text(bySop[PydicomSop], "00100020"));
        Assert.Equal("K2 static", Text(bySop[PydicomSop], "0008103E"));
        Assert.All(instances, instance => Assert.False(instance.TryGetProperty(PixelData, out _), "Pixel Data must not be inline"));
    }

    [Fact]
    public async Task AJapaneseIso2022NameHasItsThreeGroupsAndTheCharacterSetKeepsItsEmptyFirstValue()
    {
        var instance = Assert.Single(await GetAsync($"{stored.InstanceUrls[ExplicitSop]}/metadata"));

        var name = instance.GetProperty("00100010");
        Assert.Equal("PN", name.GetProperty("vr").GetString());
        var groups = name.GetProperty("Value")[0];
        Assert.Equal("Yamada^Tarou", groups.GetProperty("Alphabetic").GetString());
        Assert.Equal("山田^太郎", groups.GetProperty("Ideographic").GetString());
        Assert.Equal("やまだ^たろう", groups.GetProperty("Phonetic").GetString());
        var characterSet = instance.GetProperty("00080005").GetProperty("Value");
        Assert.Equal(JsonValueKind.Null, characterSet[0].ValueKind);
        Assert.Equal("ISO 2022 IR 87", characterSet[1].GetString());
    }

    [Fact]
    public async Task SeriesMetadataOfAnImplicitVrInstanceHasTheDictionaryVrsAndNumbers()
    {
        var instances = await GetAsync($"{stored.SeriesUrl(ImplicitSop)}/metadata");

        Assert.Equal([ExplicitSop, ImplicitSop], instances.Select(instance => Text(instance, "00080018")));
        var implicitVr = instances[1];
        Assert.Equal("DS", Vr(implicitVr, "00200032"));
        Assert.Equal([0.0, 0.0, 2.0], implicitVr.GetProperty("00200032").GetProperty("Value").EnumerateArray().Select(value => value.GetDouble()));
        Assert.Equal("UI", Vr(implicitVr, "0020000D"));
        Assert.Equal(Study, Text(implicitVr, "0020000D"));
        Assert.Equal("Test^Patient", implicitVr.GetProperty("00100010").GetProperty("Value")[0].GetProperty("Alphabetic").GetString());
    }

    [Fact]
    public async Task MetadataForAClientAcceptingOnlyXmlIs406()
    {
        using var response = await stored.GetAsync($"{stored.StudyUrl}/metadata", "application/dicom+xml");

        Assert.Equal(HttpStatusCode.NotAcceptable, response.StatusCode);
        Assert.Contains("application/dicom+json", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    private async Task<List<JsonElement>> GetAsync(string url)
    {
        using var response = await stored.GetAsync(url, "application/dicom+json");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/dicom+json", response.Content.Headers.ContentType?.MediaType);
        return [.. (await ReadAsync(response)).EnumerateArray()];
    }
}
