using System.Globalization;
using System.Text.Json;
using AmpaCds.Contracts.Reporting;
using AmpaCds.Integration.Tests.Metrics;
using AmpaCds.Integration.Tests.Portal;
using AmpaCds.Integration.Tests.Support;
using AmpaCds.Research.Simulation;
using AmpaCds.TestSupport.Security;
using Grpc.Core;
using Microsoft.Playwright;
using Xunit.Abstractions;

namespace AmpaCds.Integration.Tests.Operations;

/// <summary>
/// An operations day in the distributed shape (four processes over TLS, RabbitMQ, PostgreSQL): Prediction's database is
/// down longer than the retries last, so the study's forecast message ends in RabbitMQ's forecast_error queue. A real
/// Prometheus scraping all four services sees the dead letter; `ampacds ops dead-letters list` names it with its fault;
/// once the database is back, an ops person replays it from the ops page in a real browser and the report arrives.
/// </summary>
[Collection(DistributedCollection.Name)]
public sealed class DeadLetterReplayTests(DistributedSystem system, ITestOutputHelper output)
{
    private const string PatientId = "OPS-0091";

    [Fact]
    public async Task A_forecast_that_failed_during_a_database_outage_is_seen_counted_and_replayed_from_the_ops_page()
    {
        var folder = Path.Combine(system.Folder, "study-dead-letter");
        var truth = PetStudySimulator.Simulate(new PetAcquisitionOptions { Seed = 91, PatientId = PatientId }, folder);
        await using var prometheus = await PrometheusServer.StartAsync(Path.Combine(system.Folder, "prometheus-ops"), system.MetricsTargets, system.CaCertificatePath);
        Assert.Equal(4, await prometheus.WaitForAsync($"sum(up{{job=\"{PrometheusServer.Job}\"}})", value => value == 4));

        var prediction = system.Databases["prediction"];
        await DatabaseOutage.BeginAsync(prediction);
        JsonElement letter;
        try
        {
            var sent = await ProcessRunner.RunDcmtkAsync("storescu", TimeSpan.FromMinutes(2), "-aet", "STORESCU", "-aec", "AMPACDS",
                "--scan-directories", "--scan-pattern", "*.dcm", "127.0.0.1", system.DicomPort.ToString(CultureInfo.InvariantCulture), folder);
            Assert.True(sent.ExitCode == 0, sent.ToString());
            letter = await WaitForDeadLetterAsync(TimeSpan.FromMinutes(3));
            Assert.Equal(1, await prometheus.WaitForAsync("ampacds_broker_dead_letters{queue=\"forecast\"}", value => value == 1));
        }
        finally
        {
            await DatabaseOutage.EndAsync(prediction);
        }
        Assert.Equal("RegionalUptakeMeasured", letter.GetProperty("messageType").GetString());
        Assert.Contains("Postgres", letter.GetProperty("exceptionType").GetString(), StringComparison.Ordinal);
        Assert.Contains("not currently accepting connections", letter.GetProperty("reason").GetString(), StringComparison.Ordinal);
        var messageId = letter.GetProperty("messageId").GetString()!;
        // Still no report: the forecast never ran.
        using (var channel = system.CreateChannel(system.GrpcAddress))
        {
            var notYet = await Assert.ThrowsAsync<RpcException>(() => new ReportingApi.ReportingApiClient(channel)
                .GetReportAsync(new GetReportRequest { StudyInstanceUid = truth.StudyInstanceUid, Format = ReportFormat.Html }).ResponseAsync);
            Assert.True(notYet.StatusCode is StatusCode.FailedPrecondition or StatusCode.NotFound, notYet.ToString());
        }

        await ReplayFromTheOpsPageAsync(messageId, truth.StudyInstanceUid);

        Assert.Equal(0, await prometheus.WaitForAsync("ampacds_broker_dead_letters{queue=\"forecast\"}", value => value == 0));
        var after = await ListAsync();
        Assert.Empty(after.GetProperty("deadLetters").EnumerateArray());
        await AssertEveryServiceIsScrapedAsync(prometheus);
    }

    private async Task ReplayFromTheOpsPageAsync(string messageId, string studyUid)
    {
        await using var browser = await PortalBrowser.LaunchAsync();
        await using var context = await browser.NewContextAsync("en-GB");
        var page = await context.NewPageAsync();
        try
        {
            await page.GotoAsync(system.IssuerUrl + "/portal/ops");
            await PortalSignIn.SignInAsync(page, TestUsers.Ops, TestUsers.Password);
            await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Operations", Exact = true })).ToBeVisibleAsync();
            // Readiness of all four services, each healthy again now that the database is back.
            foreach (var service in new[] { "gateway", "intake", "quantification", "prediction" })
            {
                await Assertions.Expect(page.Locator($"tr[data-service='{service}']")).ToHaveAttributeAsync("data-status", "Healthy", new() { Timeout = 60_000 });
            }
            await Assertions.Expect(page.Locator("tr[data-queue='forecast'] [data-testid='dead-letter-count']")).ToHaveTextAsync("1");
            var row = page.Locator($"tr[data-message-id='{messageId}']");
            await Assertions.Expect(row).ToContainTextAsync("RegionalUptakeMeasured");
            await Assertions.Expect(row).ToContainTextAsync("not currently accepting connections");
            // Operations see no patient data.
            Assert.DoesNotContain(PatientId, await page.ContentAsync(), StringComparison.Ordinal);
            await Accessibility.AssertNoSeriousViolationsAsync(page);
            await PortalArtifacts.ScreenshotAsync(page, "ops-dead-letter");

            await row.GetByRole(AriaRole.Button, new() { Name = "Replay" }).ClickAsync();
            await Assertions.Expect(page.GetByTestId("ops-message")).ToHaveTextAsync("1 dead letters sent back to forecast.");
            await Assertions.Expect(page.GetByTestId("no-dead-letters")).ToBeVisibleAsync();
            // The replayed forecast runs, the report arrives, and the page lists the run among the recent ones.
            await ReportClient.WaitForReportAsync(system.GrpcAddress, studyUid, TimeSpan.FromMinutes(3), system.Trust, system.Token);
            await page.GotoAsync(system.IssuerUrl + "/portal/ops");
            await Assertions.Expect(page.GetByTestId("ops-runs-summary")).ToBeVisibleAsync();
            await PortalArtifacts.ScreenshotAsync(page, "ops-after-replay");
        }
        catch
        {
            await PortalArtifacts.ScreenshotAsync(page, "ops-failure");
            throw;
        }
    }

    /// <summary>Polls `ampacds ops dead-letters list --queue forecast --json` (bounded) until the dead letter is there.</summary>
    private async Task<JsonElement> WaitForDeadLetterAsync(TimeSpan timeout)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (true)
        {
            var listing = await ListAsync();
            if (listing.GetProperty("deadLetters").EnumerateArray().ToList() is [var only])
            {
                return only.Clone();
            }
            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException($"no dead letter in forecast_error after {timeout}: {listing}\n{system.Logs}");
            }
            await Task.Delay(TimeSpan.FromSeconds(2));
        }
    }

    private async Task<JsonElement> ListAsync()
    {
        var list = await ProcessRunner.RunCliAsync(TimeSpan.FromMinutes(1), system.CliEnvironment, "ops", "dead-letters", "list",
            "--queue", "forecast", "--json", "--server", system.GrpcAddress);
        Assert.True(list.ExitCode == 0, list.ToString());
        Assert.DoesNotContain(PatientId, list.StandardOutput, StringComparison.Ordinal);
        using var json = JsonDocument.Parse(list.StandardOutput);
        Assert.True(json.RootElement.GetProperty("available").GetBoolean(), list.StandardOutput);
        return json.RootElement.Clone();
    }

    /// <summary>Prometheus scraped each of the four services over TLS and holds each one's own series.</summary>
    private async Task AssertEveryServiceIsScrapedAsync(PrometheusServer prometheus)
    {
        foreach (var target in system.MetricsTargets)
        {
            Assert.Equal(1, await prometheus.ValueAsync($"up{{instance=\"{target}\"}}"));
        }
        foreach (var series in new[]
        {
            "ampacds_intake_instances_received_total", "ampacds_quantification_quantify_duration_seconds_count",
            "ampacds_prediction_forecasts_total", "ampacds_reporting_series_to_report_seconds_count", "ampacds_broker_queue_consumers",
        })
        {
            var found = await prometheus.WaitForAsync($"sum({series})", value => value >= 1);
            output.WriteLine($"{series}: {found}");
            Assert.True(found >= 1, series);
        }
        // Each service's process metrics come from its own target: four instances.
        Assert.Equal(4, await prometheus.ValueAsync("count(process_cpu_seconds_total)"));
    }
}
