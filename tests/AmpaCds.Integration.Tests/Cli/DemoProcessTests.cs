using System.Text.Json;
using AmpaCds.Integration.Tests.PacsReturn;
using AmpaCds.Integration.Tests.Support;
using Xunit.Abstractions;

namespace AmpaCds.Integration.Tests.Cli;

/// <summary>The README's main job, run as an operator runs it: `ampacds demo` as its own process.</summary>
public sealed class DemoProcessTests(ITestOutputHelper output)
{
    [Fact]
    public async Task DemoWritesAReportWithRegionsAndAForecast()
    {
        var folder = Path.Combine(Path.GetTempPath(), "ampacds-demo-" + Guid.NewGuid().ToString("N")[..8]);
        try
        {
            var result = await ProcessRunner.RunCliAsync(TimeSpan.FromMinutes(5), "demo", "--out", folder, "--seed", "3");
            output.WriteLine(result.ToString());
            Assert.Equal(0, result.ExitCode);
            Assert.Contains("report ready", result.StandardOutput, StringComparison.Ordinal);

            var html = await File.ReadAllTextAsync(Path.Combine(folder, "report.html"));
            Assert.Contains("Research use only", html, StringComparison.Ordinal);
            Assert.Contains("SYNTHETIC", html, StringComparison.Ordinal);

            using var json = JsonDocument.Parse(await File.ReadAllTextAsync(Path.Combine(folder, "report.json")));
            var root = json.RootElement;
            Assert.Equal(18, root.GetProperty("regions").GetArrayLength());
            Assert.StartsWith("k2-response-", root.GetProperty("forecast").GetProperty("modelVersion").GetString(), StringComparison.Ordinal);
            Assert.Equal("SYN000003", root.GetProperty("patientId").GetString());

            // What a PACS would receive: every object valid for dciodvfy, the SR readable by dsrdump with the patient's ID.
            var pacs = Directory.GetFiles(Path.Combine(folder, "pacs"), "*.dcm").Select(Path.GetFileName).Order().ToList();
            Assert.Equal(["EncapsulatedPdf.dcm", "MeasurementReport.dcm", "SuvrSlicesCapture.dcm", "ZOverviewCapture.dcm", "ZSlicesCapture.dcm"], pacs);
            foreach (var file in pacs)
            {
                Assert.Empty(await DicomCheckers.DciodvfyErrorsAsync(Path.Combine(folder, "pacs", file!)));
            }
            var dump = await DicomCheckers.RunAsync("dsrdump", Path.Combine(folder, "pacs", "MeasurementReport.dcm"));
            Assert.Contains("SYN000003", dump, StringComparison.Ordinal);
            Assert.Contains("Imaging Measurement Report", dump, StringComparison.Ordinal);
        }
        finally
        {
            if (Directory.Exists(folder))
            {
                Directory.Delete(folder, recursive: true);
            }
        }
    }
}
