using System.Diagnostics.Metrics;
using System.Globalization;

namespace AmpaCds.Intake.Diagnostics;

/// <summary>
/// Intake's instruments (meter "AmpaCds.Intake", published as ampacds_intake_*; docs/OPERATIONS.md lists them).
/// Labels are DIMSE statuses and results only: never AE titles, addresses or UIDs, which would grow without bound.
/// </summary>
public sealed class IntakeMetrics
{
    public const string MeterName = "AmpaCds.Intake";

    private readonly Counter<long> _received;
    private readonly Counter<long> _refused;
    private readonly Counter<long> _bytes;
    private readonly Histogram<double> _cStoreDuration;
    private readonly Counter<long> _seriesCompleted;
    private readonly UpDownCounter<long> _activeAssociations;
    private readonly Counter<long> _journalFlushes;
    private readonly Histogram<long> _journalFlushBatch;
    private readonly Histogram<double> _journalFlushDuration;

    public IntakeMetrics(IMeterFactory meters)
    {
        ArgumentNullException.ThrowIfNull(meters);
        var meter = meters.Create(MeterName);
        _received = meter.CreateCounter<long>("instances_received_total", "{instance}",
            "Instances accepted and made durable (C-STORE, STOW-RS or folder import)");
        _refused = meter.CreateCounter<long>("instances_refused_total", "{instance}", "Instances refused, by DIMSE status");
        _bytes = meter.CreateCounter<long>("received_bytes_total", "By", "Dataset bytes received, accepted or not");
        _cStoreDuration = meter.CreateHistogram<double>("cstore_duration_seconds", "s",
            "Time from a C-STORE request's dataset to its response status (parse, validate, durable write)");
        _seriesCompleted = meter.CreateCounter<long>("series_completed_total", "{series}",
            "Completed series, by result: announced (a new version) or unchanged (same content as the last version)");
        _activeAssociations = meter.CreateUpDownCounter<long>("active_associations", "{association}", "DICOM associations open now");
        // Group commit at work: instances received / flushes is how many instances one device flush answered.
        _journalFlushes = meter.CreateCounter<long>("journal_flushes_total", "{flush}", "Journal device flushes (fdatasync) that succeeded");
        _journalFlushBatch = meter.CreateHistogram<long>("journal_flush_batch_instances", "{instance}",
            "Instances one journal flush made durable (1 with a lone association; more when associations share a flush)");
        _journalFlushDuration = meter.CreateHistogram<double>("journal_flush_duration_seconds", "s",
            "Time one journal device flush took (what every instance of its batch waited for)");
    }

    public void InstanceReceived(int bytes)
    {
        _bytes.Add(bytes);
        _received.Add(1);
    }

    public void InstanceRefused(int bytes, ushort status)
    {
        _bytes.Add(bytes);
        _refused.Add(1, new KeyValuePair<string, object?>("status", StatusLabel(status)));
    }

    public void CStoreHandled(TimeSpan elapsed) => _cStoreDuration.Record(elapsed.TotalSeconds);

    public void SeriesCompleted(bool announced) =>
        _seriesCompleted.Add(1, new KeyValuePair<string, object?>("result", announced ? "announced" : "unchanged"));

    public void JournalFlushed(int instances, TimeSpan elapsed)
    {
        _journalFlushes.Add(1);
        _journalFlushBatch.Record(instances);
        _journalFlushDuration.Record(elapsed.TotalSeconds);
    }

    public void AssociationOpened() => _activeAssociations.Add(1);

    public void AssociationClosed() => _activeAssociations.Add(-1);

    /// <summary>The status as DICOM writes it (0xA700), the form a PACS administrator looks up.</summary>
    public static string StatusLabel(ushort status) => "0x" + status.ToString("X4", CultureInfo.InvariantCulture);
}
