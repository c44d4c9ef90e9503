using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace AmpaCds.Intake.Series;

/// <summary>
/// Takes completed series (by Number of Slices at once, by the quiet period or the incomplete-series
/// timeout from the sweep) and hands each to the <see cref="SeriesCompletionHandler"/>, which announces
/// each distinct content once. A series whose handling fails goes back to the tracker and is tried
/// again after the quiet period; one stored but never announced is recovered at start-up, so a series
/// is never silently lost.
/// </summary>
public sealed partial class SeriesCompletionPublisher(
    SeriesCompletionQueue queue,
    SeriesTracker tracker,
    SeriesCompletionHandler handler,
    IOptions<IntakeOptions> options,
    TimeProvider clock,
    ILogger<SeriesCompletionPublisher> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var quietTimer = new PeriodicTimer(TimeSpan.FromMilliseconds(500), clock);
        var quietPeriod = TimeSpan.FromSeconds(options.Value.QuietPeriodSeconds);
        var incompleteTimeout = TimeSpan.FromSeconds(options.Value.IncompleteSeriesTimeoutSeconds);
        var sweeper = Task.Run(async () =>
        {
            while (await quietTimer.WaitForNextTickAsync(stoppingToken))
            {
                foreach (var series in tracker.TakeQuiet(quietPeriod, incompleteTimeout))
                {
                    queue.Enqueue(series);
                }
            }
        }, stoppingToken);

        try
        {
            await foreach (var series in queue.ReadAllAsync(stoppingToken))
            {
                await CompleteAsync(series, stoppingToken);
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
        await sweeper.ContinueWith(_ => { }, CancellationToken.None);
    }

    private async Task CompleteAsync(CompletedSeries series, CancellationToken cancellationToken)
    {
        try
        {
            await handler.HandleAsync(series, cancellationToken);
        }
        catch (Exception error) when (error is not OperationCanceledException)
        {
            LogFailed(error);
            tracker.Reopen(series);
        }
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "Announcing a completed series failed; it will be retried after the quiet period")]
    private partial void LogFailed(Exception error);
}
