using System.Net;
using System.Text.Json;
using System.Text.Json.Nodes;
using static AmpaCds.Intake.Tests.DicomWeb.WadoStoredStudy;

namespace AmpaCds.Intake.Tests.DicomWeb;

/// <summary>
/// Orthanc's DICOMweb plugin as an independent WADO-RS client: it retrieves the study from Intake
/// (POST /dicom-web/servers/intake/retrieve), parses our multipart response with its own parser and
/// stores the instances, which its REST API then lists.
/// </summary>
public sealed class WadoOrthancTests(WadoStoredStudy stored) : IClassFixture<WadoStoredStudy>, IAsyncLifetime
{
    private OrthancDicomWebPeer _orthanc = null!;

    public async Task InitializeAsync() => _orthanc = await OrthancDicomWebPeer.StartAsync(new Uri(stored.Host.BaseAddress, "/dicomweb/"), stored.Host.PacsToken);

    [Fact]
    public async Task OrthancRetrievesTheStudyAndHoldsTheSameInstances()
    {
        var (status, body) = await _orthanc.PostJsonAsync("dicom-web/servers/intake/retrieve",
            new JsonObject { ["Resources"] = new JsonArray(new JsonObject { ["Study"] = Study }) });

        Assert.True(status == HttpStatusCode.OK, $"Orthanc's WADO-RS retrieve from Intake failed: {(int)status} {body}");
        var instances = await GetJsonAsync("instances?expand");
        Assert.Equal([ExplicitSop, ImplicitSop, PydicomSop],
            instances.EnumerateArray().Select(instance => instance.GetProperty("MainDicomTags").GetProperty("SOPInstanceUID").GetString()).Order(StringComparer.Ordinal));
        // Orthanc keeps a received file as it came, so its copy is our stored file byte for byte.
        var orthancId = instances.EnumerateArray()
            .Single(instance => instance.GetProperty("MainDicomTags").GetProperty("SOPInstanceUID").GetString() == ExplicitSop).GetProperty("ID").GetString();
        Assert.Equal(stored.Sent[ExplicitSop], await _orthanc.Http.GetByteArrayAsync($"instances/{orthancId}/file"));
    }

    [Fact]
    public async Task OrthancRetrievesOneSeries()
    {
        var (status, body) = await _orthanc.PostJsonAsync("dicom-web/servers/intake/retrieve",
            new JsonObject { ["Resources"] = new JsonArray(new JsonObject { ["Study"] = Study, ["Series"] = Series2 }) });

        Assert.True(status == HttpStatusCode.OK, $"Orthanc's WADO-RS retrieve from Intake failed: {(int)status} {body}");
        var instances = await GetJsonAsync("instances?expand");
        Assert.Equal([PydicomSop], instances.EnumerateArray().Select(instance => instance.GetProperty("MainDicomTags").GetProperty("SOPInstanceUID").GetString()));
    }

    private async Task<JsonElement> GetJsonAsync(string path) =>
        JsonDocument.Parse(await _orthanc.Http.GetStringAsync(path)).RootElement;

    public async Task DisposeAsync() => await _orthanc.DisposeAsync();
}
