using Prometheus;

namespace AmpaCds.ServiceDefaults.Telemetry;

/// <summary>
/// How prometheus-net turns System.Diagnostics.Metrics into Prometheus series: every meter (ours, MassTransit's, the
/// runtime's) is published as meter name + instrument name, e.g. meter "AmpaCds.Intake" with instrument
/// "instances_received_total" becomes ampacds_intake_instances_received_total.
/// </summary>
public static class PrometheusExport
{
    /// <summary>
    /// One bucket layout for every duration histogram, in seconds: from a millisecond (one C-STORE) to half an hour (a
    /// delivery backlog), so the same p95 query works on every stage. prometheus-net 8 ignores instrument advice.
    /// </summary>
    public static IReadOnlyList<double> DurationBucketsSeconds { get; } =
        [0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30, 60, 120, 300, 600, 1800];

    /// <summary>For histograms of counts (instances per journal flush): powers of two up to a burst of many associations.</summary>
    public static IReadOnlyList<double> CountBuckets { get; } = [1, 2, 4, 8, 16, 32, 64, 128];

    private static readonly Lock Gate = new();
    private static bool _configured;

    /// <summary>
    /// Starts the meter adapter before any instrument records (measurements made before it listens are lost) and only
    /// once per process: the embedded shape and the tests build several hosts in one process, and each adapter would
    /// count every measurement again.
    /// </summary>
    public static void EnsureConfigured()
    {
        lock (Gate)
        {
            if (_configured)
            {
                return;
            }
            Metrics.ConfigureMeterAdapter(options => options.ResolveHistogramBuckets =
                instrument => instrument.Unit == "s" ? [.. DurationBucketsSeconds] : [.. CountBuckets]);
            // prometheus-net starts the meter adapter in the registry's before-first-collect callback, i.e. at the first
            // scrape: everything counted before it (a burst right after start) was lost. One collection now starts it.
            Metrics.DefaultRegistry.CollectAndExportAsTextAsync(Stream.Null).GetAwaiter().GetResult();
            _configured = true;
        }
    }
}
