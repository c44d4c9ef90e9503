using System.Net;
using AmpaCds.Dicom;
using static AmpaCds.Intake.Tests.DicomWeb.StowJson;

namespace AmpaCds.Intake.Tests.DicomWeb;

/// <summary>
/// One study stored by STOW-RS for the WADO-RS tests, with the files as sent and the RetrieveURLs the
/// STOW-RS response gave. Series 1: two slices from our writer, one Explicit VR LE with a Japanese
/// ISO 2022 IR 87 name and one Implicit VR LE; series 2: one slice written by pydicom (8 x 8, UTF-8 name).
/// </summary>
public sealed class WadoStoredStudy : IAsyncLifetime
{
    public const string Study = "1.2.826.0.1.3680043.10.1462.88.1";
    public const string Series1 = Study + ".1";
    public const string Series2 = Study + ".2";
    public const string JapaneseName = "Yamada^Tarou=山田^太郎=やまだ^たろう";
    public const string ExplicitSop = Series1 + ".1";
    public const string ImplicitSop = Series1 + ".2";
    public const string PydicomSop = Series2 + ".1";

    public DicomWebHost Host { get; private set; } = null!;

    /// <summary>Part 10 bytes as sent, by SOP Instance UID.</summary>
    public Dictionary<string, byte[]> Sent { get; } = new(StringComparer.Ordinal);

    /// <summary>Top-level RetrieveURL of the STOW-RS response (the study).</summary>
    public string StudyUrl { get; private set; } = "";

    /// <summary>RetrieveURL of each stored instance, by SOP Instance UID.</summary>
    public Dictionary<string, string> InstanceUrls { get; } = new(StringComparer.Ordinal);

    public async Task InitializeAsync()
    {
        Host = await DicomWebHost.StartAsync();
        var japanese = PetDatasets.Slice(0, numberOfSlices: 2, seriesUid: Series1)
            .AddOrUpdate(DicomTags.StudyInstanceUID, DicomVR.UI, Study)
            .AddOrUpdate(DicomTags.SpecificCharacterSet, DicomVR.CS, "", "ISO 2022 IR 87")
            .AddOrUpdate(DicomTags.PatientName, DicomVR.PN, JapaneseName);
        Sent[ExplicitSop] = DicomFile.Create(japanese).ToBytes();
        var implicitVr = PetDatasets.Slice(1, numberOfSlices: 2, seriesUid: Series1).AddOrUpdate(DicomTags.StudyInstanceUID, DicomVR.UI, Study);
        Sent[ImplicitSop] = DicomFile.Create(implicitVr, TransferSyntax.ImplicitVRLittleEndian.Uid).ToBytes();
        Sent[PydicomSop] = await PydicomPetFile.WriteAsync(Study, Series2, PydicomSop, "P88", "20260110");

        var body = new MultipartDicomBody();
        foreach (var file in Sent.Values)
        {
            body.Part(file);
        }
        // Stored to the study's own URL, so the response carries the study's RetrieveURL as well.
        using var response = await Host.Client.PostAsync($"/dicomweb/studies/{Study}", body.ToContent());
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var json = await ReadAsync(response);
        StudyUrl = Text(json, "00081190")!;
        foreach (var item in Items(json, "00081199"))
        {
            InstanceUrls[Text(item, "00081155")!] = Text(item, "00081190")!;
        }
        Assert.Equal(3, InstanceUrls.Count);
    }

    /// <summary>The series URL is the instance's RetrieveURL without its "/instances/{sop}" tail.</summary>
    public string SeriesUrl(string sop) => InstanceUrls[sop][..InstanceUrls[sop].IndexOf("/instances/", StringComparison.Ordinal)];

    public async Task<HttpResponseMessage> GetAsync(string url, string? accept = null)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, url);
        if (accept is not null)
        {
            request.Headers.TryAddWithoutValidation("Accept", accept);
        }
        return await Host.Client.SendAsync(request);
    }

    public async Task DisposeAsync() => await Host.DisposeAsync();
}
