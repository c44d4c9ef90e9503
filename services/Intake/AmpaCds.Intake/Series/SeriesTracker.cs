namespace AmpaCds.Intake.Series;

/// <summary>
/// Groups stored instances by series and decides when a series is complete: when Number of
/// Slices instances arrived, or when no instance came for the quiet period. Thread-safe: several
/// associations may deliver the same series at once.
/// </summary>
public sealed class SeriesTracker(TimeProvider clock)
{
    public const string ByNumberOfSlices = "number-of-slices";
    public const string ByQuietPeriod = "quiet-period";

    private readonly Dictionary<string, SeriesState> _open = new(StringComparer.Ordinal);
    private readonly Lock _gate = new();

    /// <summary>Records a durable instance; returns the series when this instance completed it.</summary>
    public CompletedSeries? Register(string studyUid, string seriesUid, string sopInstanceUid, int? expectedInstances)
    {
        lock (_gate)
        {
            if (!_open.TryGetValue(seriesUid, out var state))
            {
                state = new SeriesState(studyUid, seriesUid);
                _open[seriesUid] = state;
            }
            state.Instances.Add(sopInstanceUid);
            state.ExpectedInstances ??= expectedInstances;
            state.LastArrival = clock.GetUtcNow();
            if (state.ExpectedInstances is { } expected && state.Instances.Count >= expected)
            {
                _open.Remove(seriesUid);
                return new CompletedSeries(studyUid, seriesUid, state.Instances, ByNumberOfSlices);
            }
            return null;
        }
    }

    /// <summary>Series whose last instance is older than the quiet period; they leave the tracker.</summary>
    public IReadOnlyList<CompletedSeries> TakeQuiet(TimeSpan quietPeriod)
    {
        var now = clock.GetUtcNow();
        lock (_gate)
        {
            var quiet = _open.Values.Where(state => now - state.LastArrival >= quietPeriod).ToList();
            foreach (var state in quiet)
            {
                _open.Remove(state.SeriesUid);
            }
            return quiet.Select(state => new CompletedSeries(state.StudyUid, state.SeriesUid, state.Instances, ByQuietPeriod)).ToList();
        }
    }

    /// <summary>Puts a series whose completion could not be announced back, to be retried after the quiet period.</summary>
    public void Reopen(CompletedSeries series)
    {
        lock (_gate)
        {
            if (!_open.TryGetValue(series.SeriesUid, out var state))
            {
                state = new SeriesState(series.StudyUid, series.SeriesUid);
                _open[series.SeriesUid] = state;
            }
            state.Instances.UnionWith(series.InstanceUids);
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
