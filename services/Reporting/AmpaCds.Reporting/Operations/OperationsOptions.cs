namespace AmpaCds.Reporting.Operations;

/// <summary>The ops page and the broker sampler (section "AmpaCds:Operations").</summary>
public sealed class OperationsOptions
{
    public const string Section = "AmpaCds:Operations";

    /// <summary>How often the gateway reads queue depths for the ampacds_broker_* gauges and the ops page.</summary>
    public int QueueSampleSeconds { get; set; } = 15;

    /// <summary>
    /// The other services whose readiness the ops page shows: name and their /health/ready URL (https:// with the site
    /// CA in the distributed shape). Empty in the embedded shape, where the gateway's own checks cover all four.
    /// </summary>
    public List<MonitoredService> Services { get; set; } = [];
}
