using System.Diagnostics.Metrics;
using AmpaCds.ServiceDefaults.Telemetry;
using Prometheus;

namespace AmpaCds.ServiceDefaults.Tests;

/// <summary>
/// What is counted before Prometheus first scrapes is published. prometheus-net starts its meter adapter at the
/// registry's first collection, so without <see cref="PrometheusExport.EnsureConfigured"/> starting it, a burst of
/// instances received right after start was missing from /metrics. No other test of this assembly collects the
/// default registry, so the first collection here is the one that would have started the adapter too late.
/// </summary>
public sealed class PrometheusExportTests
{
    [Fact]
    public async Task Measurements_made_before_the_first_scrape_are_published_with_the_bucket_layout_of_their_unit()
    {
        PrometheusExport.EnsureConfigured();
        using var meter = new Meter("AmpaCdsTest.Early" + Guid.NewGuid().ToString("N")[..8]);
        var prefix = meter.Name.ToLowerInvariant().Replace('.', '_');
        meter.CreateCounter<long>("things_total").Add(3);
        meter.CreateHistogram<double>("wait_seconds", "s").Record(0.004);
        meter.CreateHistogram<long>("batch_items", "{item}").Record(3);

        using var text = new MemoryStream();
        await Metrics.DefaultRegistry.CollectAndExportAsTextAsync(text);
        var lines = System.Text.Encoding.UTF8.GetString(text.ToArray()).Split('\n');

        Assert.Contains($"{prefix}_things_total 3", lines);
        // Seconds get the duration layout (1 ms ... 30 min); counts get powers of two.
        Assert.Contains($"{prefix}_wait_seconds_bucket{{le=\"0.005\"}} 1", lines);
        Assert.Contains($"{prefix}_wait_seconds_bucket{{le=\"0.0025\"}} 0", lines);
        Assert.Contains($"{prefix}_batch_items_bucket{{le=\"4\"}} 1", lines);
        Assert.Contains($"{prefix}_batch_items_bucket{{le=\"2\"}} 0", lines);
    }
}
