using System.Net;
using System.Text.Json;
using System.Text.Json.Nodes;
using AmpaCds.Dicom;
using static AmpaCds.Intake.Tests.DicomWeb.StowJson;

namespace AmpaCds.Intake.Tests.DicomWeb;

/// <summary>Orthanc's DICOMweb client as a real peer: it pushes a study to Intake by STOW-RS and searches it by QIDO-RS.</summary>
public sealed class OrthancDicomWebTests : IAsyncLifetime
{
    private DicomWebHost _host = null!;
    private OrthancDicomWebPeer _orthanc = null!;

    public async Task InitializeAsync()
    {
        _host = await DicomWebHost.StartAsync();
        _orthanc = await OrthancDicomWebPeer.StartAsync(new Uri(_host.BaseAddress, "/dicomweb/"), _host.PacsToken);
    }

    [Fact]
    public async Task OrthancStoresAStudyByStowRsAndFindsItByQidoRs()
    {
        string? study = null;
        for (var index = 0; index < 3; index++)
        {
            study = await _orthanc.UploadAsync(DicomFile.Create(PetDatasets.Slice(index, numberOfSlices: 3)).ToBytes());
        }

        var (stowStatus, stowBody) = await _orthanc.PostJsonAsync("dicom-web/servers/intake/stow", new JsonObject { ["Resources"] = new JsonArray(study) });

        Assert.True(stowStatus == HttpStatusCode.OK, $"Orthanc's STOW-RS to Intake failed: {(int)stowStatus} {stowBody}");
        Assert.Equal(3, _host.Blobs.List("studies/").Count(key => key.EndsWith(".dcm", StringComparison.Ordinal)));

        var (qidoStatus, qidoBody) = await _orthanc.PostJsonAsync("dicom-web/servers/intake/get", new JsonObject { ["Uri"] = "/studies", ["Arguments"] = new JsonObject { ["PatientID"] = "T1" } });

        Assert.True(qidoStatus == HttpStatusCode.OK, $"Orthanc's QIDO-RS to Intake failed: {(int)qidoStatus} {qidoBody}");
        var studies = JsonDocument.Parse(qidoBody).RootElement;
        Assert.Equal(1, studies.GetArrayLength());
        Assert.Equal(PetDatasets.StudyUid, Text(studies[0], "0020000D"));
        Assert.Equal(3, Number(studies[0], "00201208"));
    }

    [Fact]
    public async Task OrthancReportsTheInstanceIntakeRefused()
    {
        var withoutPixelSpacing = PetDatasets.Slice(0);
        withoutPixelSpacing.Remove(DicomTags.PixelSpacing);
        var study = await _orthanc.UploadAsync(DicomFile.Create(withoutPixelSpacing).ToBytes());

        var (status, body) = await _orthanc.PostJsonAsync("dicom-web/servers/intake/stow", new JsonObject { ["Resources"] = new JsonArray(study) });

        // Orthanc's DICOMweb plugin (1.7) turns our 409 into its own error (500 "Error encountered within the plugin engine").
        Assert.True(status != HttpStatusCode.OK, $"Orthanc took a refused STOW-RS for success: {body}");
        Assert.Empty(_host.Blobs.List("studies/"));
    }

    public async Task DisposeAsync()
    {
        await _orthanc.DisposeAsync();
        await _host.DisposeAsync();
    }
}
