using System.Net;
using AmpaCds.Dicom;
using AmpaCds.Contracts.Messages;
using AmpaCds.Intake.Persistence;
using AmpaCds.Intake.Storage;
using AmpaCds.Persistence.Messaging;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using static AmpaCds.Intake.Tests.DicomWeb.StowJson;

namespace AmpaCds.Intake.Tests.DicomWeb;

/// <summary>
/// QIDO-RS over studies stored through STOW-RS and through the C-STORE path (InstanceIntake):
/// study A (patient P1, 2026-01-10: two PET series of 2 + 1 instances, the single one written by pydicom
/// in Implicit VR with a kanji name) and study B (patient P2, 2026-03-01: one instance).
/// </summary>
public sealed class QidoTests(QidoTests.StoredStudies studies) : IClassFixture<QidoTests.StoredStudies>
{
    private const string StudyA = "1.2.826.0.1.3680043.10.1462.77.1";
    private const string StudyB = "1.2.826.0.1.3680043.10.1462.77.2";
    private const string StudyUidTag = "0020000D";
    private const string SeriesUidTag = "0020000E";

    [Fact]
    public async Task AllStudiesNewestFirstWithTheirCounts()
    {
        var results = await GetAsync("/dicomweb/studies");

        Assert.Equal([StudyB, StudyA], results.Select(study => Text(study, StudyUidTag)));
        var a = results[1];
        Assert.Equal("20260110", Text(a, "00080020"));
        Assert.Equal("P1", Text(a, "00100020"));
        Assert.Equal(["PT"], a.GetProperty("00080061").GetProperty("Value").EnumerateArray().Select(value => value.GetString()));
        Assert.Equal(2, Number(a, "00201206"));
        Assert.Equal(3, Number(a, "00201208"));
        Assert.Equal("IS", Vr(a, "00201208"));
        Assert.Equal("Patient^A", a.GetProperty("00100010").GetProperty("Value")[0].GetProperty("Alphabetic").GetString());
    }

    [Fact]
    public async Task PatientIdMatchesExactlyAndWithWildcards()
    {
        Assert.Equal([StudyA], (await GetAsync("/dicomweb/studies?PatientID=P1")).Select(study => Text(study, StudyUidTag)));
        Assert.Equal([StudyB], (await GetAsync("/dicomweb/studies?00100020=P2")).Select(study => Text(study, StudyUidTag)));
        Assert.Equal(2, (await GetAsync("/dicomweb/studies?PatientID=P*")).Count);
        Assert.Empty(await GetAsync("/dicomweb/studies?PatientID=P3"));
    }

    [Fact]
    public async Task ASearchIsAuditedAsAQueryWithThePatientItNames()
    {
        var patient = $"AUDIT-{Guid.NewGuid():N}";
        Assert.Empty(await GetAsync($"/dicomweb/studies?PatientID={patient}"));

        await using var scope = studies.Host.Services.CreateAsyncScope();
        var name = MessageTypeRegistry.NameOf(typeof(AuditEventRecorded));
        var bodies = await scope.ServiceProvider.GetRequiredService<IntakeDbContext>().Outbox.AsNoTracking()
            .Where(row => row.MessageType == name).Select(row => row.Body).ToListAsync();
        var audit = bodies.Select(body => System.Text.Json.JsonSerializer.Deserialize<AuditEventRecorded>(body, OutboxJson.Options)!)
            .Single(message => message.Objects.Any(item => item.Id == patient));
        // The caller is the PACS the token names (DicomWebHost signs its requests as "pacs-test").
        Assert.Equal(("intake", "Query", "pacs-test"), (audit.Source, audit.Kind, audit.UserId));
        Assert.Equal(
            [new AuditParticipantObject("Patient", patient, null), new AuditParticipantObject("Query", "/dicomweb/studies", $"?PatientID={patient}")],
            audit.Objects);
        Assert.Equal("QIDO-RS", audit.Detail);
    }

    [Theory]
    [InlineData("20260101-20260131", StudyA)]
    [InlineData("20260201-", StudyB)]
    [InlineData("-20260110", StudyA)]
    [InlineData("20260301", StudyB)]
    public async Task StudyDateMatchesADateOrARange(string range, string expectedStudy)
    {
        var results = await GetAsync($"/dicomweb/studies?StudyDate={range}");
        Assert.Equal([expectedStudy], results.Select(study => Text(study, StudyUidTag)));
    }

    [Fact]
    public async Task LimitAndOffsetPageTheResultsAndAWarningSaysMoreExist()
    {
        using var first = await studies.Host.Client.GetAsync("/dicomweb/studies?limit=1");
        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        Assert.Equal([StudyB], (await ReadAsync(first)).EnumerateArray().Select(study => Text(study, StudyUidTag)));
        Assert.Contains("additional results", first.Headers.GetValues("Warning").Single(), StringComparison.Ordinal);

        using var second = await studies.Host.Client.GetAsync("/dicomweb/studies?limit=1&offset=1");
        Assert.Equal([StudyA], (await ReadAsync(second)).EnumerateArray().Select(study => Text(study, StudyUidTag)));
        Assert.False(second.Headers.Contains("Warning"));
    }

    [Fact]
    public async Task TheSeriesOfAStudyWithTheirCountsAndAttributes()
    {
        var series = await GetAsync($"/dicomweb/studies/{StudyA}/series");

        // Numbered series first (pydicom's is number 7), then those without a Series Number.
        Assert.Equal([StudyA + ".2", StudyA + ".1"], series.Select(item => Text(item, SeriesUidTag)));
        Assert.Equal([1, 2], series.Select(item => Number(item, "00201209")));
        Assert.Equal("PT", Text(series[1], "00080060"));
        Assert.Equal(7, Number(series[0], "00200011"));
        Assert.Equal("K2 static", Text(series[0], "0008103E"));
        Assert.Equal("山田^太郎", series[0].GetProperty("00100010").GetProperty("Value")[0].GetProperty("Ideographic").GetString());
        Assert.Equal("Yamada^Tarou", series[0].GetProperty("00100010").GetProperty("Value")[0].GetProperty("Alphabetic").GetString());
    }

    [Fact]
    public async Task AllSeriesFilteredByModality()
    {
        Assert.Equal(3, (await GetAsync("/dicomweb/series?Modality=PT")).Count);
        Assert.Empty(await GetAsync("/dicomweb/series?Modality=CT"));
        Assert.Equal([StudyB], (await GetAsync("/dicomweb/series?PatientID=P2")).Select(item => Text(item, StudyUidTag)));
    }

    [Theory]
    [InlineData("/dicomweb/studies?StudyDate=2026-01", "StudyDate")]
    [InlineData("/dicomweb/studies?ReferringPhysicianName=X", "not supported")]
    [InlineData("/dicomweb/studies?limit=0", "limit")]
    [InlineData("/dicomweb/series?offset=-1", "offset")]
    public async Task AnUnusableQueryIs400WithTheReason(string url, string reason)
    {
        using var response = await studies.Host.Client.GetAsync(url);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains(reason, await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    private async Task<List<System.Text.Json.JsonElement>> GetAsync(string url)
    {
        using var response = await studies.Host.Client.GetAsync(url);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/dicom+json", response.Content.Headers.ContentType?.MediaType);
        return [.. (await ReadAsync(response)).EnumerateArray()];
    }

    public sealed class StoredStudies : IAsyncLifetime
    {
        public DicomWebHost Host { get; private set; } = null!;

        public async Task InitializeAsync()
        {
            Host = await DicomWebHost.StartAsync();
            var a1 = Enumerable.Range(0, 2).Select(index => Slice(index, StudyA, StudyA + ".1", "P1", "20260110")).ToList();
            // Implicit VR: QIDO-RS must read the attributes through the dictionary, not from VRs in the file.
            var a2 = await PydicomPetFile.WriteAsync(StudyA, StudyA + ".2", StudyA + ".2.1", "P1", "20260110", "implicit");
            var body = new MultipartDicomBody().Part(DicomFile.Create(a1[0]).ToBytes()).Part(DicomFile.Create(a1[1]).ToBytes()).Part(a2);
            using var response = await Host.Client.PostAsync("/dicomweb/studies", body.ToContent());
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);

            // Study B arrives by the C-STORE path, so the index must see what InstanceIntake stored without STOW-RS.
            var b = Slice(0, StudyB, StudyB + ".1", "P2", "20260301");
            var intake = (InstanceIntake)Host.Services.GetService(typeof(InstanceIntake))!;
            var rejection = await intake.AcceptAsync(PetDatasets.Encode(b), TransferSyntax.ExplicitVRLittleEndian,
                DicomUids.PetImageStorage, PetDatasets.SopInstance(b), "test", CancellationToken.None);
            Assert.Null(rejection);
        }

        private static DicomDataset Slice(int index, string study, string series, string patientId, string date) =>
            PetDatasets.Slice(index, numberOfSlices: 2, seriesUid: series)
                .AddOrUpdate(DicomTags.StudyInstanceUID, DicomVR.UI, study)
                .AddOrUpdate(DicomTags.PatientID, DicomVR.LO, patientId)
                .AddOrUpdate(DicomTags.PatientName, DicomVR.PN, study == StudyA ? "Patient^A" : "Patient^B")
                .AddOrUpdate(DicomTags.StudyDate, DicomVR.DA, date);

        public async Task DisposeAsync() => await Host.DisposeAsync();
    }
}
