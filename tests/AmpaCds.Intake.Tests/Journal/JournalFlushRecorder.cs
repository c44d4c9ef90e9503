using System.Diagnostics.Metrics;
using AmpaCds.Intake.Diagnostics;

namespace AmpaCds.Intake.Tests.Journal;

/// <summary>Listens to one harness's journal instruments (its own meter factory, so parallel tests do not mix).</summary>
internal sealed class JournalFlushRecorder : IDisposable
{
    private readonly MeterListener _listener = new();
    private long _flushes;
    private long _instances;
    private long _durations;

    public JournalFlushRecorder(IMeterFactory factory)
    {
        _listener.InstrumentPublished = (instrument, listener) =>
        {
            if (instrument.Meter.Name == IntakeMetrics.MeterName && ReferenceEquals(instrument.Meter.Scope, factory)
                && instrument.Name.StartsWith("journal_", StringComparison.Ordinal))
            {
                listener.EnableMeasurementEvents(instrument);
            }
        };
        _listener.SetMeasurementEventCallback<long>((instrument, value, _, _) =>
        {
            if (instrument.Name == "journal_flushes_total")
            {
                Interlocked.Add(ref _flushes, value);
            }
            else if (instrument.Name == "journal_flush_batch_instances")
            {
                Interlocked.Add(ref _instances, value);
            }
        });
        _listener.SetMeasurementEventCallback<double>((instrument, value, _, _) =>
        {
            if (instrument.Name == "journal_flush_duration_seconds" && value >= 0)
            {
                Interlocked.Increment(ref _durations);
            }
        });
        _listener.Start();
    }

    public long Flushes => Interlocked.Read(ref _flushes);

    public long Instances => Interlocked.Read(ref _instances);

    public long Durations => Interlocked.Read(ref _durations);

    public void Dispose() => _listener.Dispose();
}
