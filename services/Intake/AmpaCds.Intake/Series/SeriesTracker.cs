using System.Diagnostics;

namespace AmpaCds.Intake.Series;

/// <summary>
/// Groups stored instances by series and decides when a series is complete: when Number of Slices
/// instances arrived; when no instance came for the quiet period, for a series that does not say how
/// many it has; or, for one that says so but is short, only after the much longer incomplete-series
/// timeout, so a PACS re-sending after a failure completes it before anything is announced.
/// Thread-safe: several associations may deliver the same series at once.
/// </summary>
public sealed class SeriesTracker(TimeProvider clock)
{
    public const string ByNumberOfSlices = "number-of-slices";
    public const string ByQuietPeriod = "quiet-period";
    public const string ByIncompleteTimeout = "incomplete-timeout";

    private readonly Dictionary<string, SeriesState> _open = new(StringComparer.Ordinal);
    private readonly Lock _gate = new();

    /// <summary>Records a durable instance; returns the series when this instance completed it.</summary>
    public CompletedSeries? Register(string studyUid, string seriesUid, string sopInstanceUid, int? expectedInstances, string? source = null)
    {
        lock (_gate)
        {
            if (!_open.TryGetValue(seriesUid, out var state))
            {
                // The series' trace is the one its first instance arrived in (the sender's association).
                state = new SeriesState(studyUid, seriesUid) { FirstInstanceSpan = Activity.Current?.Context ?? default };
                _open[seriesUid] = state;
            }
            state.Instances.Add(sopInstanceUid);
            state.ExpectedInstances ??= expectedInstances;
            state.LastArrival = clock.GetUtcNow();
            state.Source = source ?? state.Source;
            if (state.ExpectedInstances is { } expected && state.Instances.Count >= expected)
            {
                _open.Remove(seriesUid);
                return new CompletedSeries(studyUid, seriesUid, state.Instances, ByNumberOfSlices) { Source = state.Source, FirstInstanceSpan = state.FirstInstanceSpan };
            }
            return null;
        }
    }

    /// <summary>
    /// Series that waited long enough since their last instance; they leave the tracker. One known to be
    /// short of its Number of Slices waits <paramref name="incompleteTimeout"/>, any other <paramref name="quietPeriod"/>.
    /// </summary>
    public IReadOnlyList<CompletedSeries> TakeQuiet(TimeSpan quietPeriod, TimeSpan incompleteTimeout)
    {
        var now = clock.GetUtcNow();
        lock (_gate)
        {
            var taken = new List<CompletedSeries>();
            foreach (var state in _open.Values.ToList())
            {
                var knownShort = state.ExpectedInstances is { } expected && state.Instances.Count < expected;
                if (now - state.LastArrival < (knownShort ? incompleteTimeout : quietPeriod))
                {
                    continue;
                }
                _open.Remove(state.SeriesUid);
                taken.Add(new CompletedSeries(state.StudyUid, state.SeriesUid, state.Instances,
                    knownShort ? ByIncompleteTimeout : ByQuietPeriod) { Source = state.Source, FirstInstanceSpan = state.FirstInstanceSpan });
            }
            return taken;
        }
    }

    /// <summary>Puts a series whose completion could not be announced back, to be retried after the quiet period.</summary>
    public void Reopen(CompletedSeries series)
    {
        ArgumentNullException.ThrowIfNull(series);
        lock (_gate)
        {
            if (!_open.TryGetValue(series.SeriesUid, out var state))
            {
                state = new SeriesState(series.StudyUid, series.SeriesUid) { FirstInstanceSpan = series.FirstInstanceSpan };
                _open[series.SeriesUid] = state;
            }
            state.Instances.UnionWith(series.InstanceUids);
            state.Source ??= series.Source;
            state.LastArrival = clock.GetUtcNow();
        }
    }

    public int OpenSeriesCount
    {
        get
        {
            lock (_gate)
            {
                return _open.Count;
            }
        }
    }
}
