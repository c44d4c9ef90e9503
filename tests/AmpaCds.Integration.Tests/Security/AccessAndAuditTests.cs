using System.Globalization;
using System.Net.Http.Headers;
using System.Text.Json;
using AmpaCds.Contracts.Prediction;
using AmpaCds.Contracts.Reporting;
using AmpaCds.Integration.Tests.Support;
using AmpaCds.Research.Simulation;
using AmpaCds.TestSupport.Security;
using Grpc.Core;

namespace AmpaCds.Integration.Tests.Security;

/// <summary>
/// Access control and the audit trail on the distributed shape, with real clients: who may read which report
/// (roles and care team), the CLI's exit 3, and every kind of access read back from the audit trail by an
/// auditor through `ampacds audit list`.
/// </summary>
[Collection(DistributedCollection.Name)]
public sealed class AccessAndAuditTests(DistributedSystem system)
{
    private const string PatientId = "AUDIT-PID-5150";

    [Fact]
    public async Task Roles_and_the_care_team_decide_who_reads_a_report_and_every_access_is_audited()
    {
        var started = DateTimeOffset.UtcNow.AddSeconds(-5);
        var folder = Path.Combine(system.Folder, "study-audit");
        var truth = PetStudySimulator.Simulate(new PetAcquisitionOptions { Seed = 79, PatientId = PatientId }, folder);

        // In over DICOM TLS with a certificate of the private CA; a stranger's certificate is refused at the handshake.
        var overTls = await SendOverTlsAsync(folder, "dicom-peer");
        Assert.True(overTls.ExitCode == 0, overTls.ToString());
        var stranger = await SendOverTlsAsync(folder, "stranger");
        Assert.NotEqual(0, stranger.ExitCode);
        await ReportClient.WaitForReportAsync(system.GrpcAddress, truth.StudyInstanceUid, TimeSpan.FromMinutes(3), system.Trust, system.Token);

        // The treating psychiatrist (the study's referring physician) reads, exports and re-requests.
        var sato = await GatewayAsync(TestUsers.Psychiatrist, "psychiatrist");
        var report = await sato.GetReportAsync(new GetReportRequest { StudyInstanceUid = truth.StudyInstanceUid, Format = ReportFormat.Json });
        Assert.Equal(truth.StudyInstanceUid, report.StudyInstanceUid);
        await sato.GetReportAsync(new GetReportRequest { StudyInstanceUid = truth.StudyInstanceUid, Format = ReportFormat.Html });
        await sato.RequestPredictionAsync(new RequestPredictionRequest { StudyInstanceUid = truth.StudyInstanceUid });
        Assert.Contains(truth.StudyInstanceUid, (await sato.ListStudiesAsync(new ListStudiesRequest())).Studies.Select(study => study.StudyInstanceUid));

        // Another psychiatrist: not their patient. The study is not in their list and its report is refused with the reason.
        var suzuki = await GatewayAsync(TestUsers.OtherPsychiatrist, "psychiatrist");
        Assert.DoesNotContain(truth.StudyInstanceUid, (await suzuki.ListStudiesAsync(new ListStudiesRequest())).Studies.Select(study => study.StudyInstanceUid));
        var notTheirs = await Assert.ThrowsAsync<RpcException>(() => suzuki.GetReportAsync(new GetReportRequest { StudyInstanceUid = truth.StudyInstanceUid }).ResponseAsync);
        Assert.Equal(StatusCode.PermissionDenied, notTheirs.StatusCode);
        Assert.Contains("not one of your patients", notTheirs.Status.Detail, StringComparison.Ordinal);

        // A PACS administrator sees the study's stage, not its report; an anonymous caller nothing.
        var pacs = await GatewayAsync(TestUsers.PacsAdmin, "pacs-admin");
        Assert.Contains(truth.StudyInstanceUid, (await pacs.ListStudiesAsync(new ListStudiesRequest())).Studies.Select(study => study.StudyInstanceUid));
        Assert.Equal(StatusCode.PermissionDenied, (await Assert.ThrowsAsync<RpcException>(() =>
            pacs.GetReportAsync(new GetReportRequest { StudyInstanceUid = truth.StudyInstanceUid }).ResponseAsync)).StatusCode);
        using (var anonymous = system.CreateChannel(system.GrpcAddress, token: "not-a-token"))
        {
            Assert.Equal(StatusCode.Unauthenticated, (await Assert.ThrowsAsync<RpcException>(() =>
                new ReportingApi.ReportingApiClient(anonymous).ListStudiesAsync(new ListStudiesRequest()).ResponseAsync)).StatusCode);
        }

        // The CLI says why, with exit 3.
        var suzukiCli = await CliAsAsync(await system.TokenAsync(TestUsers.OtherPsychiatrist, "psychiatrist"),
            "report", "--study", truth.StudyInstanceUid, "--server", system.GrpcAddress);
        Assert.Equal(3, suzukiCli.ExitCode);
        Assert.StartsWith("ampacds: not permitted: ", suzukiCli.StandardError, StringComparison.Ordinal);
        var anonymousCli = await CliAsAsync("", "report", "--study", truth.StudyInstanceUid, "--server", system.GrpcAddress);
        Assert.Equal(3, anonymousCli.ExitCode);
        Assert.StartsWith("ampacds: not authenticated: ", anonymousCli.StandardError, StringComparison.Ordinal);
        using (var http = system.Trust.CreateHttpClient(TimeSpan.FromSeconds(30)))
        {
            await Assert.ThrowsAsync<InvalidOperationException>(() => TokenClient.PasswordGrantAsync(http, system.IssuerUrl, TestUsers.Psychiatrist, password: "wrong"));
        }

        // A PACS administrator searches and retrieves over DICOMweb; a model administrator activates the active model again.
        await DicomWebAsync(truth.StudyInstanceUid);
        var modelAdmin = new PredictionApi.PredictionApiClient(system.CreateChannel(system.PredictionGrpcAddress, await system.TokenAsync(TestUsers.ModelAdmin, "model-admin")));
        var active = (await modelAdmin.ListModelsAsync(new ListModelsRequest())).ActiveVersion;
        await modelAdmin.ActivateModelAsync(new ActivateModelRequest { Version = active });

        // The auditor reads it all back with the CLI.
        var auditor = await system.TokenAsync(TestUsers.Auditor, "auditor");
        var expected = new[]
        {
            "StudyReceived", "ReportViewed", "ReportExported", "ForecastRequested", "Query", "InstancesAccessed", "ModelChanged",
            "UserAuthenticated", "AuthenticationRefused", "AuthorizationRefused", "NodeAuthenticationRefused", "AuditLogRead",
        };
        var events = await AuditEventsAsync(auditor, started, expected);
        Assert.Contains(events, e => e.Kind == "StudyReceived" && e.Study == truth.StudyInstanceUid && e.Patient == PatientId);
        Assert.Contains(events, e => e.Kind == "ReportViewed" && e.Study == truth.StudyInstanceUid && e.User == TestUsers.Psychiatrist && e.Patient == PatientId);
        Assert.Contains(events, e => e.Kind == "ReportExported" && e.Study == truth.StudyInstanceUid && e.User == TestUsers.Psychiatrist);
        Assert.Contains(events, e => e.Kind == "ForecastRequested" && e.Study == truth.StudyInstanceUid && e.User == TestUsers.Psychiatrist);
        Assert.Contains(events, e => e.Kind == "AuthorizationRefused" && e.Study == truth.StudyInstanceUid && e.User == TestUsers.OtherPsychiatrist);
        Assert.Contains(events, e => e.Kind == "AuthorizationRefused" && e.User == TestUsers.PacsAdmin && e.Detail.Contains("requires role psychiatrist", StringComparison.Ordinal));
        Assert.Contains(events, e => e.Kind == "AuthenticationRefused" && e.User == TestUsers.Psychiatrist && e.Detail.Contains("wrong password", StringComparison.Ordinal));
        Assert.Contains(events, e => e.Kind == "NodeAuthenticationRefused" && e.Source == "intake" && e.Detail.Length > 0);
        Assert.Contains(events, e => e.Kind == "ModelChanged" && e.User == TestUsers.ModelAdmin);
        Assert.Contains(events, e => e.Kind == "InstancesAccessed" && e.User == TestUsers.PacsAdmin && e.Study == truth.StudyInstanceUid);
        Assert.All(events, e => Assert.StartsWith("<AuditMessage>", e.Xml, StringComparison.Ordinal));

        // A privacy officer's question: everything about this patient, and only this patient.
        var byPatient = Parse((await CliAsAsync(auditor, "audit", "list", "--patient", PatientId, "--json", "--limit", "1000", "--server", system.GrpcAddress)).StandardOutput);
        Assert.NotEmpty(byPatient);
        Assert.All(byPatient, e => Assert.Equal(PatientId, e.Patient));
        // Only auditors read the trail.
        var notAuditor = await CliAsAsync(await system.TokenAsync(TestUsers.Ops, "ops"), "audit", "list", "--server", system.GrpcAddress);
        Assert.Equal(3, notAuditor.ExitCode);
    }

    private async Task<ReportingApi.ReportingApiClient> GatewayAsync(string user, string role) =>
        new(system.CreateChannel(system.GrpcAddress, await system.TokenAsync(user, role)));

    private Task<ProcessResult> CliAsAsync(string token, params string[] arguments) =>
        ProcessRunner.RunCliAsync(TimeSpan.FromMinutes(1),
            new Dictionary<string, string> { ["AMPACDS_CA_CERT"] = system.CaCertificatePath, ["AMPACDS_TOKEN"] = token }, arguments);

    private Task<ProcessResult> SendOverTlsAsync(string folder, string certificate) =>
        ProcessRunner.RunDcmtkAsync("storescu", TimeSpan.FromMinutes(2),
            "+tls", Path.Combine(system.PkiFolder, certificate + ".key"), Path.Combine(system.PkiFolder, certificate + ".crt"),
            "+cf", system.CaCertificatePath, "-aet", "STORESCU", "-aec", "AMPACDS", "--scan-directories", "--scan-pattern", "*.dcm",
            "127.0.0.1", system.DicomTlsPort.ToString(CultureInfo.InvariantCulture), folder);

    private async Task DicomWebAsync(string studyUid)
    {
        var intake = new Uri(system.HealthUrl("Intake")).GetLeftPart(UriPartial.Authority);
        using var http = system.Trust.CreateHttpClient(TimeSpan.FromSeconds(60));
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", await system.TokenAsync(TestUsers.PacsAdmin, "pacs-admin"));
        using var search = await http.GetAsync($"{intake}/dicomweb/studies?StudyInstanceUID={studyUid}");
        Assert.True(search.IsSuccessStatusCode, $"QIDO: {(int)search.StatusCode}");
        using var metadata = await http.GetAsync($"{intake}/dicomweb/studies/{studyUid}/metadata");
        Assert.True(metadata.IsSuccessStatusCode, $"WADO metadata: {(int)metadata.StatusCode}");
    }

    private async Task<List<AuditRow>> AuditEventsAsync(string auditorToken, DateTimeOffset since, string[] expectedKinds)
    {
        var deadline = DateTime.UtcNow.AddSeconds(90);
        while (true)
        {
            var run = await CliAsAsync(auditorToken, "audit", "list", "--json", "--limit", "1000", "--since",
                since.UtcDateTime.ToString("yyyy-MM-ddTHH:mm:ssZ", CultureInfo.InvariantCulture), "--server", system.GrpcAddress);
            Assert.True(run.ExitCode == 0, run.ToString());
            var events = Parse(run.StandardOutput);
            var missing = expectedKinds.Except(events.Select(e => e.Kind)).ToList();
            if (missing.Count == 0)
            {
                return events;
            }
            Assert.True(DateTime.UtcNow < deadline, $"audit kinds never recorded: {string.Join(", ", missing)}");
            await Task.Delay(TimeSpan.FromSeconds(2));
        }
    }

    private static List<AuditRow> Parse(string json)
    {
        using var document = JsonDocument.Parse(json);
        return document.RootElement.TryGetProperty("events", out var events)
            ? events.EnumerateArray().Select(e => new AuditRow(
                e.GetProperty("kind").GetString()!, e.GetProperty("source").GetString()!, e.GetProperty("userId").GetString()!,
                e.GetProperty("patientId").GetString()!, e.GetProperty("studyInstanceUid").GetString()!,
                e.GetProperty("detail").GetString()!, e.GetProperty("xml").GetString()!)).ToList()
            : [];
    }

    private sealed record AuditRow(string Kind, string Source, string User, string Patient, string Study, string Detail, string Xml);
}
