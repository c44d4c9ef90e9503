using System.Globalization;
using System.Text.RegularExpressions;
using AmpaCds.Contracts.Reporting;
using AmpaCds.Integration.Tests.Portal;
using AmpaCds.Integration.Tests.Support;
using AmpaCds.TestSupport;
using AmpaCds.TestSupport.Security;
using Microsoft.Playwright;
using Xunit.Abstractions;

namespace AmpaCds.Integration.Tests.PacsReturn;

/// <summary>
/// Results back into the PACS, against real peers: a study sent by storescu to the embedded system comes back into
/// Orthanc as SR + PDF + key images in the same study; a storescp that is down for a while gets everything once when
/// it comes up; a storescp that refuses SOP classes gets what it takes, and the rest goes to the dead-letter list.
/// </summary>
public sealed partial class PacsReturnTests(ITestOutputHelper output) : IAsyncLifetime
{
    private const string ComprehensiveSr = "1.2.840.10008.5.1.4.1.1.88.33";
    private const string EncapsulatedPdf = "1.2.840.10008.5.1.4.1.1.104.1";
    private const string SecondaryCapture = "1.2.840.10008.5.1.4.1.1.7";
    private const string Delivered = "Delivered";
    private const string Pending = "Pending";

    private static readonly string[] AllKinds = ["EncapsulatedPdf", "MeasurementReport", "SuvrSlicesCapture", "ZSlicesCapture", "ZOverviewCapture"];

    private readonly string _folder = Path.Combine(Path.GetTempPath(), "ampacds-pacs-return-" + Guid.NewGuid().ToString("N")[..8]);

    public Task InitializeAsync() => Task.CompletedTask;

    [Fact]
    public async Task StudySentToIntakeComesBackIntoOrthancAsSrPdfAndKeyImagesInTheSameStudy()
    {
        await using var orthanc = await OrthancPacs.StartAsync(Path.Combine(_folder, "orthanc"));
        await using var server = await PacsReturnServer.StartAsync(_folder, OrthancPacs.AeTitle, orthanc.DicomPort);
        var report = await server.SendStudyAndWaitForReportAsync(seed: 31);
        var sinceReport = System.Diagnostics.Stopwatch.StartNew();
        var deliveries = await server.WaitForDeliveriesAsync(report.StudyInstanceUid, all => all.All(d => d.State != Pending), TimeSpan.FromMinutes(2));
        output.WriteLine($"report to all objects delivered in Orthanc: {sinceReport.Elapsed.TotalSeconds:F2} s (poll interval 0.5 s)");
        Describe(deliveries);
        Assert.All(deliveries, delivery => Assert.Equal(Delivered, delivery.State));
        Assert.Equal(AllKinds.Order(), deliveries.Select(delivery => delivery.ObjectKind).Order());

        var instances = await orthanc.InstancesOfStudyAsync(report.StudyInstanceUid);
        Assert.Equal(deliveries.Select(delivery => delivery.SopInstanceUid).Order(), instances.Select(instance => instance.SopInstanceUid).Order());
        Assert.All(instances, instance => Assert.Equal(report.PatientId, instance.PatientId));
        Assert.All(instances, instance => Assert.NotEqual(report.SeriesInstanceUid, instance.SeriesInstanceUid));
        Assert.Equal(ComprehensiveSr, Assert.Single(instances, instance => instance.Modality == "SR").SopClassUid);
        Assert.Equal(EncapsulatedPdf, Assert.Single(instances, instance => instance.Modality == "DOC").SopClassUid);
        Assert.Equal(3, instances.Count(instance => instance.Modality == "OT" && instance.SopClassUid == SecondaryCapture));

        // Orthanc's copies: valid for dciodvfy, the SR readable by dsrdump and its values the report's, the PDF the report's.
        foreach (var instance in instances)
        {
            var path = Path.Combine(_folder, instance.SopInstanceUid + ".dcm");
            await orthanc.SaveFileAsync(instance.Id, path);
            var errors = await DicomCheckers.DciodvfyErrorsAsync(path);
            Assert.True(errors.Count == 0, $"{instance.Modality} {instance.SopClassUid}:\n{string.Join('\n', errors)}");
            if (instance.Modality == "SR")
            {
                await AssertSrHoldsTheReportsValuesAsync(path, report);
            }
            if (instance.Modality == "DOC")
            {
                await AssertPdfIsTheReportsAsync(path, report, server);
            }
        }

        await AssertThePortalShowsTheDeliveriesAsync(server, report.StudyInstanceUid);
    }

    [Fact]
    public async Task DestinationDownForAWhileAndAGatewayCrashGetsEveryObjectOnceWhenItComesUp()
    {
        var port = FreePort.Next();
        await using var server = await PacsReturnServer.StartAsync(_folder, StorescpPeer.AeTitle, port);
        var report = await server.SendStudyAndWaitForReportAsync(seed: 32);
        var failing = await server.WaitForDeliveriesAsync(report.StudyInstanceUid, all => all.All(d => d.State == Pending && d.Attempts >= 2), TimeSpan.FromMinutes(2));
        Describe(failing);
        Assert.All(failing, delivery => Assert.False(string.IsNullOrEmpty(delivery.Reason)));

        // A crash while the destination is down loses nothing: the outbox is in the database, and the restarted gateway carries on.
        await server.RestartAfterKillAsync(StorescpPeer.AeTitle, port);
        var afterRestart = await server.WaitForDeliveriesAsync(report.StudyInstanceUid, all => all.All(d => d.State == Pending && d.Attempts >= 3), TimeSpan.FromMinutes(1));
        Assert.Equal(AllKinds.Length, afterRestart.Count);

        await using var storescp = await StorescpPeer.StartAsync(port, Path.Combine(_folder, "received"));
        var deliveries = await server.WaitForDeliveriesAsync(report.StudyInstanceUid, all => all.All(d => d.State != Pending), TimeSpan.FromMinutes(1));
        Describe(deliveries);
        Assert.All(deliveries, delivery => Assert.Equal(Delivered, delivery.State));
        // Several poll intervals later nothing more has arrived: each object exactly once (+uf would show a second copy as a second file).
        await Task.Delay(TimeSpan.FromSeconds(3));
        Assert.Equal(deliveries.Count, storescp.ReceivedFiles.Count);
        Assert.Equal(AllKinds.Length, deliveries.Count);
    }

    [Fact]
    public async Task DestinationRefusingSopClassesGetsWhatItTakesAndTheRestIsDeadLetteredWithTheReason()
    {
        var config = Path.Combine(_folder, "storescp-pdf-only.cfg");
        Directory.CreateDirectory(_folder);
        await File.WriteAllTextAsync(config, """
            [[TransferSyntaxes]]
            [Uncompressed]
            TransferSyntax1 = LocalEndianExplicit
            TransferSyntax2 = LittleEndianImplicit
            [[PresentationContexts]]
            [PdfOnly]
            PresentationContext1 = EncapsulatedPDFStorage\Uncompressed
            [[Profiles]]
            [PdfOnly]
            PresentationContexts = PdfOnly
            """);
        var port = FreePort.Next();
        var storescp = await StorescpPeer.StartAsync(port, Path.Combine(_folder, "received"), config, "PdfOnly");
        await using var stopped = storescp;
        await using var server = await PacsReturnServer.StartAsync(_folder, StorescpPeer.AeTitle, port);
        var report = await server.SendStudyAndWaitForReportAsync(seed: 33);
        var deliveries = await server.WaitForDeliveriesAsync(report.StudyInstanceUid, all => all.All(d => d.State != Pending), TimeSpan.FromMinutes(2));
        Describe(deliveries);
        Assert.Equal(Delivered, Assert.Single(deliveries, delivery => delivery.ObjectKind == "EncapsulatedPdf").State);
        var refused = deliveries.Where(delivery => delivery.ObjectKind != "EncapsulatedPdf").ToList();
        Assert.Equal(AllKinds.Length - 1, refused.Count);
        Assert.All(refused, delivery =>
        {
            Assert.Equal("DeadLetter", delivery.State);
            Assert.Equal(0x0122, delivery.LastStatus);
            Assert.Contains("SOP class not supported", delivery.Reason, StringComparison.Ordinal);
            Assert.Equal(1, delivery.Attempts);
        });
        // No loop: later rounds leave the dead letters alone and nothing more reaches storescp.
        await Task.Delay(TimeSpan.FromSeconds(3));
        var later = await server.DeliveriesAsync(report.StudyInstanceUid);
        Assert.All(later.Where(delivery => delivery.State == "DeadLetter"), delivery => Assert.Equal(1, delivery.Attempts));
        Assert.Single(storescp.ReceivedFiles);

        // The PACS administrator's view of the dead letters: one line per refused object, with the reason.
        var listed = await server.PacsAdminCliAsync("--state", "DeadLetter", "--study", report.StudyInstanceUid);
        Assert.True(listed.ExitCode == 0, listed.ToString());
        var lines = listed.StandardOutput.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(refused.Count, lines.Length);
        Assert.All(lines, line => Assert.Contains("DeadLetter", line, StringComparison.Ordinal));
        Assert.All(lines, line => Assert.Contains("SOP class not supported", line, StringComparison.Ordinal));
        var wrongState = await server.PacsAdminCliAsync("--state", "Lost");
        Assert.Equal(3, wrongState.ExitCode);
        Assert.Contains("unknown state 'Lost'", wrongState.StandardError, StringComparison.Ordinal);

        // The PACS administrator fixes the destination (now it takes every storage SOP class) and replays the dead letters.
        await storescp.DisposeAsync();
        await using var fixedPacs = await StorescpPeer.StartAsync(port, Path.Combine(_folder, "received-after-fix"));
        var replay = await server.PacsAdminCommandAsync(["replay", "--study", report.StudyInstanceUid]);
        Assert.True(replay.ExitCode == 0, replay.ToString());
        Assert.Contains($"{refused.Count} dead-lettered objects put back", replay.StandardOutput, StringComparison.Ordinal);
        var replayed = await server.WaitForDeliveriesAsync(report.StudyInstanceUid, all => all.All(d => d.State == Delivered), TimeSpan.FromMinutes(1));
        Describe(replayed);
        Assert.Equal(refused.Count, fixedPacs.ReceivedFiles.Count);
    }

    /// <summary>The psychiatrist sees, on the study page, each object delivered to the PACS.</summary>
    private static async Task AssertThePortalShowsTheDeliveriesAsync(PacsReturnServer server, string studyUid)
    {
        await using var browser = await PortalBrowser.LaunchAsync();
        await using var context = await browser.NewContextAsync("en-GB");
        var page = await context.NewPageAsync();
        await page.GotoAsync($"http://127.0.0.1:{server.HttpPort}/portal/studies/{Uri.EscapeDataString(studyUid)}");
        await PortalSignIn.SignInAsync(page, TestUsers.Psychiatrist, TestUsers.Password);
        var section = page.GetByTestId("pacs-deliveries");
        await section.ScrollIntoViewIfNeededAsync();
        await Assertions.Expect(section.GetByRole(AriaRole.Heading, new() { Name = "Sent to the PACS" })).ToBeVisibleAsync();
        await Assertions.Expect(section.Locator("tbody tr[data-state='Delivered']")).ToHaveCountAsync(AllKinds.Length);
        await Assertions.Expect(section).ToContainTextAsync("Structured report (SR)");
        await Assertions.Expect(section).ToContainTextAsync("hospital-pacs");
        await Accessibility.AssertNoSeriousViolationsAsync(page);
        await section.ScreenshotAsync(new() { Path = Path.Combine(PortalArtifacts.Folder, "pacs-deliveries.png") });
    }

    [Fact]
    public async Task DestinationOverDicomTlsGetsEveryObjectAndOneTrustingAnotherCaGetsNone()
    {
        var certificates = await TestCertificates.CreateAsync(Path.Combine(_folder, "state"));
        var peerKey = Path.Combine(certificates.Folder, "dicom-peer.key");
        var peerCertificate = Path.Combine(certificates.Folder, "dicom-peer.crt");
        var port = FreePort.Next();
        // storescp as a PACS on DICOM TLS that demands a client certificate from the private CA (its default -rc).
        await using var storescp = await StorescpPeer.StartAsync(port, Path.Combine(_folder, "received"),
            extraArguments: ["+tls", peerKey, peerCertificate, "+cf", certificates.CaCertificate]);
        await using var server = await PacsReturnServer.StartAsync(_folder, StorescpPeer.AeTitle, port, new Dictionary<string, string>
        {
            ["AmpaCds__Pacs__Destinations__0__Tls__Enabled"] = "true",
            ["AmpaCds__Pacs__Destinations__0__Tls__CaCertificatePath"] = certificates.CaCertificate,
            ["AmpaCds__Pacs__Destinations__0__Tls__ClientCertificatePath"] = certificates.ServerCertificate,
            ["AmpaCds__Pacs__Destinations__0__Tls__ClientKeyPath"] = certificates.ServerKey,
            ["AmpaCds__Pacs__Destinations__0__Tls__ServerName"] = "localhost",
            // The same PACS configured with another CA as its trust anchor: its certificate must not be accepted.
            ["AmpaCds__Pacs__Destinations__1__Name"] = "wrong-trust",
            ["AmpaCds__Pacs__Destinations__1__AeTitle"] = StorescpPeer.AeTitle,
            ["AmpaCds__Pacs__Destinations__1__Host"] = "127.0.0.1",
            ["AmpaCds__Pacs__Destinations__1__Port"] = port.ToString(CultureInfo.InvariantCulture),
            ["AmpaCds__Pacs__Destinations__1__Tls__Enabled"] = "true",
            ["AmpaCds__Pacs__Destinations__1__Tls__CaCertificatePath"] = certificates.StrangerCaCertificate,
            ["AmpaCds__Pacs__Destinations__1__Tls__ServerName"] = "localhost",
        });
        var report = await server.SendStudyAndWaitForReportAsync(seed: 34);
        var deliveries = await server.WaitForDeliveriesAsync(report.StudyInstanceUid,
            all => all.Where(d => d.Destination == "hospital-pacs").All(d => d.State == Delivered)
                   && all.Where(d => d.Destination == "wrong-trust").All(d => d.Attempts >= 1), TimeSpan.FromMinutes(2));
        Describe(deliveries);
        Assert.Equal(AllKinds.Length, deliveries.Count(d => d.Destination == "hospital-pacs" && d.State == Delivered));
        Assert.All(deliveries.Where(d => d.Destination == "wrong-trust"), delivery =>
        {
            Assert.Equal(Pending, delivery.State);
            Assert.Contains("Authentication", delivery.Reason, StringComparison.Ordinal);
        });
        Assert.Equal(AllKinds.Length, storescp.ReceivedFiles.Count);
    }

    private static async Task AssertSrHoldsTheReportsValuesAsync(string path, Report report)
    {
        var dump = await DicomCheckers.RunAsync("dsrdump", path);
        Assert.Contains("Imaging Measurement Report", dump, StringComparison.Ordinal);
        const string script = """
            import sys, pydicom
            d = pydicom.dcmread(sys.argv[1])
            for item in d.ContentSequence:
                if item.ConceptNameCodeSequence[0].CodeValue != "126010": continue
                for group in item.ContentSequence:
                    sites = [c for c in group.ContentSequence if c.ValueType == "TEXT" and c.ConceptNameCodeSequence[0].CodeValue == "112039"]
                    for c in group.ContentSequence:
                        if c.ValueType == "NUM" and c.ConceptNameCodeSequence[0].CodeValue == "SUVR":
                            print(sites[0].TextValue, repr(float(c.MeasuredValueSequence[0].NumericValue)))
            """;
        var lines = (await DicomCheckers.RunAsync("/usr/bin/python3", "-c", script, path)).Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(report.Regions.Count, lines.Length);
        foreach (var region in report.Regions)
        {
            var line = Assert.Single(lines, line => line.StartsWith(region.Name + " ", StringComparison.Ordinal));
            Assert.Equal(region.Suvr, double.Parse(line.Split(' ')[1], CultureInfo.InvariantCulture), 1e-5);
        }
    }

    /// <summary>The PDF in Orthanc's copy reads like the report's own PDF, except for the time each was generated.</summary>
    private async Task AssertPdfIsTheReportsAsync(string path, Report report, PacsReturnServer server)
    {
        var pdf = Path.ChangeExtension(path, ".pdf");
        await DicomCheckers.RunAsync("/usr/bin/python3", "-c",
            "import sys, pydicom; d = pydicom.dcmread(sys.argv[1]); open(sys.argv[2], 'wb').write(bytes(d.EncapsulatedDocument)[:int(d.EncapsulatedDocumentLength)])",
            path, pdf);
        var fromPacs = await DicomCheckers.PdfTextAsync(pdf);
        var ownPdf = Path.Combine(_folder, "report.pdf");
        await File.WriteAllBytesAsync(ownPdf, await server.ReportPdfAsync(report.StudyInstanceUid));
        var fromReport = await DicomCheckers.PdfTextAsync(ownPdf);
        Assert.Contains(report.Forecast.ModelVersion, fromPacs, StringComparison.Ordinal);
        Assert.Equal(WithoutTimes(fromReport), WithoutTimes(fromPacs));
    }

    private static string WithoutTimes(string text) => Timestamp().Replace(text, "<time>");

    [GeneratedRegex(@"\d{4}-\d{2}-\d{2}[T ]\d{2}:\d{2}(:\d{2})?(\.\d+)?(Z|[+-]\d{2}:?\d{2}| UTC)?")]
    private static partial Regex Timestamp();

    private void Describe(IEnumerable<PacsDelivery> deliveries)
    {
        foreach (var delivery in deliveries)
        {
            output.WriteLine($"{delivery.ObjectKind,-18} {delivery.State,-10} attempts {delivery.Attempts} status {delivery.LastStatus} {delivery.Reason}");
        }
    }

    public Task DisposeAsync() => ServerTeardown.StopAndDeleteAsync(null, _folder);
}
