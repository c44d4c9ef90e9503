using System.Diagnostics.Metrics;
using MassTransit;

namespace AmpaCds.Reporting.Diagnostics;

/// <summary>Reporting's instruments (meter "AmpaCds.Reporting", published as ampacds_reporting_*).</summary>
public sealed class ReportingMetrics
{
    public const string MeterName = "AmpaCds.Reporting";

    /// <summary>Values of the result label of ampacds_reporting_pacs_deliveries_total.</summary>
    public const string Delivered = "delivered";
    public const string Retry = "retry";
    public const string DeadLetter = "dead_letter";

    private readonly Histogram<double> _renderDuration;
    private readonly Histogram<double> _seriesToReport;
    private readonly Counter<long> _pacsDeliveries;
    private readonly Histogram<double> _pacsDeliveryDuration;

    public ReportingMetrics(IMeterFactory meters)
    {
        ArgumentNullException.ThrowIfNull(meters);
        var meter = meters.Create(MeterName);
        _renderDuration = meter.CreateHistogram<double>("render_duration_seconds", "s", "Rendering and storing one new report version");
        _seriesToReport = meter.CreateHistogram<double>("series_to_report_seconds", "s",
            "From the start of a run (Intake announcing a completed series, or a requested re-run) to its report");
        _pacsDeliveries = meter.CreateCounter<long>("pacs_deliveries_total", "{object}",
            "PACS delivery attempts of one object, by result: delivered, retry (will be tried again), dead_letter (given up)");
        _pacsDeliveryDuration = meter.CreateHistogram<double>("pacs_delivery_duration_seconds", "s",
            "One association sending a report version's due objects to one destination");
    }

    public void Rendered(TimeSpan elapsed) => _renderDuration.Record(elapsed.TotalSeconds);

    /// <summary>
    /// A run's correlation id is a MassTransit NewId made when the run began (SeriesAnnouncer, or a requested run), and
    /// NewId carries its creation time: no stored timestamp is needed. That time is the starting host's clock; a
    /// negative span (clocks apart, or a test's fake clock) is not recorded.
    /// </summary>
    public void Reported(Guid correlationId, DateTimeOffset now)
    {
        var started = new DateTimeOffset(DateTime.SpecifyKind(correlationId.ToNewId().Timestamp, DateTimeKind.Utc));
        var elapsed = now - started;
        if (elapsed >= TimeSpan.Zero && elapsed < TimeSpan.FromDays(30))
        {
            _seriesToReport.Record(elapsed.TotalSeconds);
        }
    }

    public void PacsDelivery(string result) => _pacsDeliveries.Add(1, new KeyValuePair<string, object?>("result", result));

    public void PacsAssociation(TimeSpan elapsed) => _pacsDeliveryDuration.Record(elapsed.TotalSeconds);
}
