using System.Net;
using AmpaCds.Dicom;
using AmpaCds.Intake.Persistence;
using AmpaCds.Intake.Storage;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using static AmpaCds.Intake.Tests.DicomWeb.StowJson;

namespace AmpaCds.Intake.Tests.DicomWeb;

/// <summary>STOW-RS over a real Kestrel: exact HTTP statuses and the PS3.18 response body.</summary>
public sealed class StowTests : IAsyncLifetime
{
    private const string ReferencedSops = "00081199";
    private const string FailedSops = "00081198";
    private const string SopInstance = "00081155";
    private const string SopClass = "00081150";
    private const string RetrieveUrl = "00081190";
    private const string FailureReason = "00081197";
    private DicomWebHost _host = null!;

    public async Task InitializeAsync() => _host = await DicomWebHost.StartAsync();

    [Fact]
    public async Task InstancesFromOurWriterAndPydicomAreStoredWith200AndTheirRetrieveUrls()
    {
        var ours = PetDatasets.Slice(0, numberOfSlices: 2);
        var theirs = await PydicomPetFile.WriteAsync(PetDatasets.StudyUid, "1.2.826.0.1.3680043.10.1462.9.1.7", "1.2.826.0.1.3680043.10.1462.9.1.7.1", "P7", "20260110");
        var body = new MultipartDicomBody().Part(DicomFile.Create(ours).ToBytes()).Part(theirs);

        using var response = await _host.Client.PostAsync("/dicomweb/studies", body.ToContent());

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/dicom+json", response.Content.Headers.ContentType?.MediaType);
        var json = await ReadAsync(response);
        var stored = Items(json, ReferencedSops);
        Assert.Equal(2, stored.Count);
        Assert.Empty(Items(json, FailedSops));
        Assert.Equal(PetDatasets.SopInstance(ours), Text(stored[0], SopInstance));
        Assert.Equal(DicomUids.PetImageStorage, Text(stored[0], SopClass));
        Assert.Equal("UR", Vr(stored[0], RetrieveUrl));
        Assert.Equal(new Uri(_host.BaseAddress, $"/dicomweb/studies/{PetDatasets.StudyUid}/series/{PetDatasets.SeriesUid}/instances/{PetDatasets.SopInstance(ours)}").ToString(),
            Text(stored[0], RetrieveUrl));
        Assert.True(_host.Blobs.Exists(SeriesKeys.Instance(PetDatasets.StudyUid, "1.2.826.0.1.3680043.10.1462.9.1.7", "1.2.826.0.1.3680043.10.1462.9.1.7.1")));
    }

    [Theory]
    [InlineData("1.2.840.10008.1.2")]
    [InlineData("1.2.840.10008.1.2.1")]
    [InlineData("1.2.840.10008.1.2.1.99")]
    public async Task EachUncompressedSyntaxOurWriterProducesIsStored(string syntax)
    {
        var slice = PetDatasets.Slice(0);
        var body = new MultipartDicomBody().Part(DicomFile.Create(slice, syntax).ToBytes());

        using var response = await _host.Client.PostAsync("/dicomweb/studies", body.ToContent());

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var stored = DicomFile.Open(await _host.Blobs.GetAsync(SeriesKeys.Instance(PetDatasets.StudyUid, PetDatasets.SeriesUid, PetDatasets.SopInstance(slice))));
        Assert.Equal(syntax, stored.TransferSyntax.Uid);
    }

    [Fact]
    public async Task ABigEndianFileFromPydicomIsStoredAsExplicitLittleEndianWithItsPixels()
    {
        const string series = "1.2.826.0.1.3680043.10.1462.9.1.8";
        var file = await PydicomPetFile.WriteAsync(PetDatasets.StudyUid, series, series + ".1", "P8", "20260110", "bigendian");
        Assert.Equal("1.2.840.10008.1.2.2", DicomFile.Open(file).TransferSyntax.Uid);

        using var response = await _host.Client.PostAsync("/dicomweb/studies", new MultipartDicomBody().Part(file).ToContent());

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var stored = DicomFile.Open(await _host.Blobs.GetAsync(SeriesKeys.Instance(PetDatasets.StudyUid, series, series + ".1")));
        Assert.Equal(TransferSyntax.ExplicitVRLittleEndian.Uid, stored.TransferSyntax.Uid);
        Assert.Equal(63f, DicomPixelData.GetFrame(stored.Dataset, 0)[63]);
    }

    [Fact]
    public async Task AMixedBodyIs202WithEachFailureReason()
    {
        var good = PetDatasets.Slice(0, numberOfSlices: 4);
        var alsoGood = await PydicomPetFile.WriteAsync(PetDatasets.StudyUid, PetDatasets.SeriesUid, PetDatasets.SeriesUid + ".2", "T1", "20260110", "implicit");
        var withoutPixelSpacing = PetDatasets.Slice(2, numberOfSlices: 4);
        withoutPixelSpacing.Remove(DicomTags.PixelSpacing);
        var body = new MultipartDicomBody()
            .Part(DicomFile.Create(good).ToBytes())
            .Part(alsoGood)
            .Part(DicomFile.Create(withoutPixelSpacing).ToBytes())
            .Part("this is not DICOM at all, just text in a part"u8.ToArray());

        using var response = await _host.Client.PostAsync("/dicomweb/studies", body.ToContent());

        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        var json = await ReadAsync(response);
        Assert.Equal([PetDatasets.SopInstance(good), PetDatasets.SeriesUid + ".2"], Items(json, ReferencedSops).Select(item => Text(item, SopInstance)));
        var failed = Items(json, FailedSops);
        Assert.Equal([43264, 49152], failed.Select(item => Number(item, FailureReason)));
        Assert.Equal("US", Vr(failed[0], FailureReason));
        Assert.Equal(PetDatasets.SopInstance(withoutPixelSpacing), Text(failed[0], SopInstance));
        Assert.Null(Text(failed[1], SopInstance));
        var refusals = _host.Logs.Lines.Where(line => line.Contains("refused", StringComparison.Ordinal)).ToList();
        Assert.Contains(refusals, line => line.StartsWith("Warning: Instance from STOW-RS@127.0.0.1 refused with status 0xA900", StringComparison.Ordinal)
            && line.Contains("Pixel Spacing", StringComparison.Ordinal));
        Assert.Contains(refusals, line => line.Contains("refused with status 0xC000: not a DICOM Part 10 file", StringComparison.Ordinal));
        Assert.DoesNotContain(_host.Logs.Lines, line => line.Contains("Test^Patient", StringComparison.Ordinal) || line.Contains("Yamada", StringComparison.Ordinal));
        Assert.Equal(2, _host.Blobs.List("studies/").Count(key => key.EndsWith(".dcm", StringComparison.Ordinal)));
    }

    [Fact]
    public async Task OnlyRefusedInstancesIs409WithSopClassNotSupportedAndCompressedSyntaxReasons()
    {
        var ct = PetDatasets.Slice(0).AddOrUpdate(DicomTags.SOPClassUID, DicomVR.UI, DicomUids.CtImageStorage);
        var jpeg = DicomFile.Create(PetDatasets.Slice(1), "1.2.840.10008.1.2.4.91").ToBytes(); // JPEG 2000: no decoder
        var body = new MultipartDicomBody().Part(DicomFile.Create(ct).ToBytes()).Part(jpeg);

        using var response = await _host.Client.PostAsync("/dicomweb/studies", body.ToContent());

        Assert.Equal(HttpStatusCode.Conflict, response.StatusCode);
        var json = await ReadAsync(response);
        Assert.Equal([0x0122, 0xC122], Items(json, FailedSops).Select(item => Number(item, FailureReason)));
        Assert.Equal(DicomUids.CtImageStorage, Text(Items(json, FailedSops)[0], SopClass));
        Assert.Empty(Items(json, ReferencedSops));
        Assert.Empty(_host.Blobs.List("studies/"));
    }

    [Fact]
    public async Task AnInstanceOfAnotherStudyThanThePathIsRefused()
    {
        var body = new MultipartDicomBody().Part(DicomFile.Create(PetDatasets.Slice(0)).ToBytes());

        using var response = await _host.Client.PostAsync("/dicomweb/studies/1.2.3.4.5", body.ToContent());

        Assert.Equal(HttpStatusCode.Conflict, response.StatusCode);
        var json = await ReadAsync(response);
        Assert.Equal(43264, Number(Items(json, FailedSops)[0], FailureReason));
        Assert.Equal(new Uri(_host.BaseAddress, "/dicomweb/studies/1.2.3.4.5").ToString(), Text(json, RetrieveUrl));
    }

    [Fact]
    public async Task InstancesOfThePathStudyAreStored()
    {
        var body = new MultipartDicomBody().Part(DicomFile.Create(PetDatasets.Slice(0)).ToBytes());

        using var response = await _host.Client.PostAsync($"/dicomweb/studies/{PetDatasets.StudyUid}", body.ToContent());

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Single(Items(await ReadAsync(response), ReferencedSops));
    }

    [Fact]
    public async Task ACompleteSeriesIsAnnouncedAsAfterCStore()
    {
        var body = new MultipartDicomBody()
            .Part(DicomFile.Create(PetDatasets.Slice(0, numberOfSlices: 2)).ToBytes())
            .Part(DicomFile.Create(PetDatasets.Slice(1, numberOfSlices: 2)).ToBytes());

        using var response = await _host.Client.PostAsync("/dicomweb/studies", body.ToContent());
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);

        // The announcement commits with its outbox rows; the row is marked sent once the dispatcher published it on the in-memory bus.
        var announced = 0;
        var sent = 0;
        var receivedType = AmpaCds.Persistence.Messaging.MessageTypeRegistry.NameOf(typeof(AmpaCds.Contracts.Messages.PetSeriesReceived));
        for (var attempt = 0; attempt < 100 && sent == 0; attempt++)
        {
            await Task.Delay(100);
            await using var scope = _host.Services.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<IntakeDbContext>();
            announced = await db.SeriesAnnouncements.CountAsync(row => row.SeriesInstanceUid == PetDatasets.SeriesUid);
            sent = await db.Outbox.CountAsync(row => row.MessageType == receivedType && row.SentAtUtcTicks != null);
        }
        Assert.True(sent == 1, $"the series was not announced within 10 s ({announced} announcement(s), {sent} sent)");
        Assert.Equal(1, announced);
    }

    public async Task DisposeAsync() => await _host.DisposeAsync();
}
