using System.Text.Json;
using AmpaCds.Contracts.Messages;
using AmpaCds.Intake.Storage;
using AmpaCds.ServiceDefaults.Storage;
using MassTransit;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace AmpaCds.Intake.Series;

/// <summary>
/// Publishes StudyDemographicsCaptured (for Reporting only) and PetSeriesReceived for each completed
/// series, then writes the completion marker.
/// A series whose publish fails goes back to the tracker and is tried again after the quiet
/// period; one without a marker at start-up is recovered, so a series is never silently lost.
/// </summary>
public sealed class SeriesCompletionPublisher(
    SeriesCompletionQueue queue,
    SeriesTracker tracker,
    IBus bus,
    IBlobStore blobs,
    DurableInstanceStore store,
    SeriesDemographicsReader demographics,
    IOptions<IntakeOptions> options,
    TimeProvider clock,
    ILogger<SeriesCompletionPublisher> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var quietTimer = new PeriodicTimer(TimeSpan.FromMilliseconds(500), clock);
        var quietPeriod = TimeSpan.FromSeconds(options.Value.QuietPeriodSeconds);
        var sweeper = Task.Run(async () =>
        {
            while (await quietTimer.WaitForNextTickAsync(stoppingToken))
            {
                foreach (var series in tracker.TakeQuiet(quietPeriod))
                {
                    queue.Enqueue(series);
                }
            }
        }, stoppingToken);

        try
        {
            await foreach (var series in queue.ReadAllAsync(stoppingToken))
            {
                await PublishAsync(series, stoppingToken);
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
        await sweeper.ContinueWith(_ => { }, CancellationToken.None);
    }

    private async Task PublishAsync(CompletedSeries series, CancellationToken cancellationToken)
    {
        var correlationId = NewId.NextGuid();
        try
        {
            // Quantification reads the instance files: every acknowledged instance must be in its file first.
            await store.WhenVisibleAsync(cancellationToken);
            // Published first so Reporting usually has the header before the run's results; it copes with either order.
            await bus.Publish(await demographics.ReadAsync(correlationId, series, cancellationToken), cancellationToken);
            await bus.Publish(new PetSeriesReceived(correlationId, series.StudyUid, series.SeriesUid,
                SeriesKeys.InstancesPrefix(series.StudyUid, series.SeriesUid), series.InstanceCount,
                series.CompletionReason, clock.GetUtcNow()), cancellationToken);
            var marker = JsonSerializer.SerializeToUtf8Bytes(new { correlationId, series.InstanceCount, series.CompletionReason, publishedAt = clock.GetUtcNow() });
            await blobs.PutAsync(SeriesKeys.CompletionMarker(series.StudyUid, series.SeriesUid), marker, cancellationToken);
            logger.LogInformation("Series complete by {Reason} with {Count} instances; run {CorrelationId} published",
                series.CompletionReason, series.InstanceCount, correlationId);
        }
        catch (Exception error) when (error is not OperationCanceledException)
        {
            logger.LogError(error, "Publishing a completed series failed; it will be retried after the quiet period");
            tracker.Reopen(series);
        }
    }
}
