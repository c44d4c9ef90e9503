using System.Globalization;
using AmpaCds.Integration.Tests.PacsReturn;
using AmpaCds.Integration.Tests.Support;
using Xunit.Abstractions;

namespace AmpaCds.Integration.Tests.Metrics;

/// <summary>
/// A real Prometheus scrapes `ampacds serve` every second while a simulated study goes through it with storescu; after
/// the report, the application series hold the study's numbers: every instance received, one series announced, one
/// quantification, one forecast, one report, and the PACS destination (nothing listens on its port) retrying.
/// </summary>
public sealed class EmbeddedMetricsTests(ITestOutputHelper output) : IAsyncLifetime
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "ampacds-metrics-" + Guid.NewGuid().ToString("N")[..8]);

    public Task InitializeAsync() => Task.CompletedTask;

    [Fact]
    public async Task PrometheusFindsEveryStageOfOneStudyOnTheEmbeddedServer()
    {
        await using var server = await PacsReturnServer.StartAsync(_folder, "NOBODY", FreePort.Next());
        await using var prometheus = await PrometheusServer.StartAsync(Path.Combine(_folder, "prometheus"),
            [$"127.0.0.1:{server.HttpPort.ToString(CultureInfo.InvariantCulture)}"]);
        Assert.Equal(1, await prometheus.WaitForAsync($"up{{job=\"{PrometheusServer.Job}\"}}", value => value == 1));

        var report = await server.SendStudyAndWaitForReportAsync(seed: 41);
        var instances = Directory.GetFiles(Path.Combine(_folder, "study-41"), "*.dcm", SearchOption.AllDirectories);
        Assert.True(instances.Length > 10, $"{instances.Length} instances simulated");

        Assert.Equal(instances.Length, await prometheus.WaitForAsync("ampacds_intake_instances_received_total", value => value >= instances.Length));
        Assert.Null(await prometheus.ValueAsync("sum(ampacds_intake_instances_refused_total)"));
        Assert.Equal(instances.Length, await prometheus.ValueAsync("ampacds_intake_cstore_duration_seconds_count"));
        var bytes = await prometheus.ValueAsync("ampacds_intake_received_bytes_total");
        var fileBytes = instances.Sum(path => new FileInfo(path).Length);
        // The datasets without their Part 10 preamble and meta header: a little less than the files storescu read.
        Assert.InRange(bytes ?? 0, fileBytes * 0.9, fileBytes);
        // Group commit: every journalled instance is in exactly one flush's batch, and a flush covers at least one.
        Assert.Equal(instances.Length, await prometheus.ValueAsync("ampacds_intake_journal_flush_batch_instances_sum"));
        var flushes = await prometheus.ValueAsync("ampacds_intake_journal_flushes_total");
        Assert.InRange(flushes ?? 0, 1, instances.Length);
        Assert.Equal(flushes, await prometheus.ValueAsync("ampacds_intake_journal_flush_duration_seconds_count"));
        Assert.Equal(0, await prometheus.WaitForAsync("ampacds_intake_active_associations", value => value == 0));
        Assert.Equal(1, await prometheus.ValueAsync("ampacds_intake_series_completed_total{result=\"announced\"}"));
        Assert.Equal(1, await prometheus.WaitForAsync("ampacds_quantification_quantify_duration_seconds_count{outcome=\"measured\"}", value => value >= 1));
        Assert.Equal(1, await prometheus.ValueAsync("ampacds_prediction_predict_duration_seconds_count"));
        var forecasts = await prometheus.QueryAsync("ampacds_prediction_forecasts_total");
        var forecast = Assert.Single(forecasts);
        Assert.Equal(report.Forecast.ModelVersion, forecast.Labels["model_version"]);
        Assert.Equal(1, forecast.Value);
        Assert.Equal(1, await prometheus.WaitForAsync("ampacds_reporting_render_duration_seconds_count", value => value >= 1));
        Assert.Equal(1, await prometheus.ValueAsync("ampacds_reporting_series_to_report_seconds_count"));
        // From Intake's announcement to the stored report: more than nothing, less than the test's own wait for the report.
        Assert.InRange(await prometheus.ValueAsync("ampacds_reporting_series_to_report_seconds_sum") ?? -1, 0.001, 180);
        Assert.True(await prometheus.WaitForAsync("ampacds_reporting_pacs_deliveries_total{result=\"retry\"}", value => value >= 1) >= 1);
        Assert.Null(await prometheus.ValueAsync("ampacds_reporting_pacs_deliveries_total{result=\"delivered\"}"));
        Assert.True(await prometheus.ValueAsync("ampacds_reporting_pacs_delivery_duration_seconds_count") >= 1);
        Assert.True(await prometheus.ValueAsync("ampacds_storage_free_bytes") > 0);
        Assert.True(await prometheus.ValueAsync("process_cpu_seconds_total") > 0);

        // MassTransit's own meter and the runtime's arrive through the same adapter.
        var names = await prometheus.QueryAsync("count by (__name__) ({__name__=~\"masstransit_.+|dotnet_.+|system_runtime_.+\"})");
        output.WriteLine(string.Join('\n', names.Select(series => series.Labels["__name__"]).Order()));
        Assert.Contains(names, series => series.Labels["__name__"].StartsWith("masstransit_", StringComparison.Ordinal));
        Assert.Contains(names, series => !series.Labels["__name__"].StartsWith("masstransit_", StringComparison.Ordinal));

        await AssertReadinessNamesEveryCheckAsync(server);
    }

    /// <summary>/health/ready as operations read it: JSON with the bus, each service's database, the disk and the DICOM SCP.</summary>
    private static async Task AssertReadinessNamesEveryCheckAsync(PacsReturnServer server)
    {
        using var http = new HttpClient();
        using var response = await http.GetAsync($"http://127.0.0.1:{server.HttpPort.ToString(CultureInfo.InvariantCulture)}/health/ready");
        Assert.Equal(System.Net.HttpStatusCode.OK, response.StatusCode);
        using var json = System.Text.Json.JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        var checks = json.RootElement.GetProperty("checks").EnumerateArray()
            .ToDictionary(check => check.GetProperty("name").GetString()!, check => check);
        foreach (var name in new[] { "database-intake", "database-quantification", "database-prediction", "database-reporting", "disk", "intake-dicom" })
        {
            Assert.True(checks.ContainsKey(name), $"no check {name}: {string.Join(", ", checks.Keys)}");
            Assert.Equal("Healthy", checks[name].GetProperty("status").GetString());
        }
        Assert.Contains(checks.Keys, name => name.Contains("masstransit", StringComparison.OrdinalIgnoreCase));
        var dicom = checks["intake-dicom"].GetProperty("data");
        Assert.Equal(server.DicomPort, dicom.GetProperty("port").GetInt32());
        Assert.Equal(0, dicom.GetProperty("activeAssociations").GetInt32());
        Assert.True(checks["disk"].GetProperty("data").GetProperty("freeBytes").GetInt64() > 0);
    }

    public Task DisposeAsync() => ServerTeardown.StopAndDeleteAsync(null, _folder);
}
