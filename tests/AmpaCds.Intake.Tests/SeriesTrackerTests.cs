using AmpaCds.Intake.Series;
using Microsoft.Extensions.Time.Testing;

namespace AmpaCds.Intake.Tests;

public sealed class SeriesTrackerTests
{
    private static readonly TimeSpan Quiet = TimeSpan.FromSeconds(10);
    private static readonly TimeSpan Incomplete = TimeSpan.FromSeconds(600);
    private readonly FakeTimeProvider _clock = new();

    [Fact]
    public void TheSeriesCompletesWhenNumberOfSlicesInstancesArrived()
    {
        var tracker = new SeriesTracker(_clock);
        Assert.Null(tracker.Register("1.2", "1.2.3", "1.2.3.1", 3));
        Assert.Null(tracker.Register("1.2", "1.2.3", "1.2.3.2", 3));
        var completed = tracker.Register("1.2", "1.2.3", "1.2.3.3", 3);
        Assert.NotNull(completed);
        Assert.Equal(3, completed.InstanceCount);
        Assert.Equal(SeriesTracker.ByNumberOfSlices, completed.CompletionReason);
        Assert.Equal(0, tracker.OpenSeriesCount);
    }

    [Fact]
    public void AnInstanceSentTwiceCountsOnce()
    {
        var tracker = new SeriesTracker(_clock);
        tracker.Register("1.2", "1.2.3", "1.2.3.1", 2);
        Assert.Null(tracker.Register("1.2", "1.2.3", "1.2.3.1", 2));
        Assert.NotNull(tracker.Register("1.2", "1.2.3", "1.2.3.2", 2));
    }

    [Fact]
    public void ASeriesWithoutNumberOfSlicesCompletesAfterTheQuietPeriodOnly()
    {
        var tracker = new SeriesTracker(_clock);
        tracker.Register("1.2", "1.2.3", "1.2.3.1", null);
        _clock.Advance(TimeSpan.FromSeconds(9));
        tracker.Register("1.2", "1.2.3", "1.2.3.2", null);
        _clock.Advance(TimeSpan.FromSeconds(9));
        Assert.Empty(tracker.TakeQuiet(Quiet, Incomplete));
        _clock.Advance(TimeSpan.FromSeconds(1));
        var quiet = Assert.Single(tracker.TakeQuiet(Quiet, Incomplete));
        Assert.Equal(2, quiet.InstanceCount);
        Assert.Equal(SeriesTracker.ByQuietPeriod, quiet.CompletionReason);
        Assert.Empty(tracker.TakeQuiet(Quiet, Incomplete));
    }

    [Fact]
    public void AReopenedSeriesKeepsItsInstancesAndWaitsAnotherQuietPeriod()
    {
        var tracker = new SeriesTracker(_clock);
        var completed = tracker.Register("1.2", "1.2.3", "1.2.3.1", 1)!;
        tracker.Reopen(completed);
        Assert.Empty(tracker.TakeQuiet(Quiet, Incomplete));
        _clock.Advance(TimeSpan.FromSeconds(10));
        Assert.Equal(1, Assert.Single(tracker.TakeQuiet(Quiet, Incomplete)).InstanceCount);
    }

    [Fact]
    public void SeriesAreTrackedIndependently()
    {
        var tracker = new SeriesTracker(_clock);
        tracker.Register("1.2", "1.2.3", "1.2.3.1", 2);
        tracker.Register("1.2", "1.2.4", "1.2.4.1", 2);
        Assert.Equal(2, tracker.OpenSeriesCount);
        Assert.Equal("1.2.4", tracker.Register("1.2", "1.2.4", "1.2.4.2", 2)?.SeriesUid);
        Assert.Equal(1, tracker.OpenSeriesCount);
    }

    [Fact]
    public void ASeriesShortOfItsNumberOfSlicesWaitsTheIncompleteTimeoutNotTheQuietPeriod()
    {
        var tracker = new SeriesTracker(_clock);
        tracker.Register("1.2", "1.2.3", "1.2.3.1", 3);
        tracker.Register("1.2", "1.2.3", "1.2.3.2", 3);
        _clock.Advance(Quiet * 2);
        Assert.Empty(tracker.TakeQuiet(Quiet, Incomplete));
        _clock.Advance(Incomplete - Quiet * 2 - TimeSpan.FromSeconds(1));
        Assert.Empty(tracker.TakeQuiet(Quiet, Incomplete));
        _clock.Advance(TimeSpan.FromSeconds(1));
        var timedOut = Assert.Single(tracker.TakeQuiet(Quiet, Incomplete));
        Assert.Equal(SeriesTracker.ByIncompleteTimeout, timedOut.CompletionReason);
        Assert.Equal(2, timedOut.InstanceCount);
        Assert.Equal(0, tracker.OpenSeriesCount);
    }

    [Fact]
    public void TheMissingInstanceArrivingBeforeTheTimeoutCompletesTheSeriesBySlices()
    {
        var tracker = new SeriesTracker(_clock);
        tracker.Register("1.2", "1.2.3", "1.2.3.1", 2);
        _clock.Advance(Incomplete / 2);
        Assert.Empty(tracker.TakeQuiet(Quiet, Incomplete));
        var completed = tracker.Register("1.2", "1.2.3", "1.2.3.2", 2);
        Assert.Equal(SeriesTracker.ByNumberOfSlices, completed?.CompletionReason);
    }
}
