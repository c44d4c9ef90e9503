using AmpaCds.Reporting.Operations.DeadLetters;
using AmpaCds.Reporting.PacsOutbox;
using AmpaCds.Reporting.Persistence;
using MassTransit;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace AmpaCds.Reporting.Operations;

/// <summary>Reads what the ops page shows: readiness, queues and dead letters, recent runs' latencies, PACS destinations.</summary>
public sealed class OperationsOverviewSource(
    ServiceReadinessProbe readiness,
    IDeadLetterQueues deadLetters,
    ReportingDbContext db,
    IOptions<PacsOptions> pacs,
    TimeProvider clock)
{
    /// <summary>How many of the newest report versions the latency table shows.</summary>
    public const int RecentRunCount = 20;

    public async Task<OperationsOverview> ReadAsync(CancellationToken cancellationToken)
    {
        var services = await readiness.ReadAsync(cancellationToken);
        DeadLetterListing broker;
        try
        {
            broker = await deadLetters.ListAsync(null, cancellationToken);
        }
        catch (Exception error) when (error is RabbitMQ.Client.Exceptions.BrokerUnreachableException or RabbitMQ.Client.Exceptions.OperationInterruptedException)
        {
            broker = DeadLetterListing.Unavailable("the broker cannot be reached: " + error.Message);
        }
        return new OperationsOverview(services, broker, await RecentRunsAsync(cancellationToken), await DestinationsAsync(cancellationToken), clock.GetUtcNow());
    }

    private async Task<IReadOnlyList<RecentRun>> RecentRunsAsync(CancellationToken cancellationToken)
    {
        var versions = await db.ReportVersions.AsNoTracking()
            .OrderByDescending(version => version.CreatedAtUtcTicks)
            .Take(RecentRunCount)
            .Select(version => new { version.CreatedAtUtcTicks, version.Version, version.CorrelationId })
            .ToListAsync(cancellationToken);
        // A run's correlation id is a NewId made when the run began (as ReportingMetrics reads it for series_to_report).
        return versions.Select(version =>
        {
            var reported = new DateTimeOffset(version.CreatedAtUtcTicks, TimeSpan.Zero);
            var started = new DateTimeOffset(DateTime.SpecifyKind(version.CorrelationId.ToNewId().Timestamp, DateTimeKind.Utc));
            return new RecentRun(reported, version.Version, reported - started);
        }).ToList();
    }

    private async Task<IReadOnlyList<PacsDestinationState>> DestinationsAsync(CancellationToken cancellationToken)
    {
        var counts = await db.PacsDeliveries.AsNoTracking()
            .GroupBy(delivery => new { delivery.Destination, delivery.State })
            .Select(group => new { group.Key.Destination, group.Key.State, Count = group.Count(), LastDelivered = group.Max(delivery => delivery.DeliveredAtUtcTicks) })
            .ToListAsync(cancellationToken);
        var states = new List<PacsDestinationState>();
        foreach (var destination in pacs.Value.Destinations)
        {
            var mine = counts.Where(count => count.Destination == destination.Name).ToList();
            int Count(PacsDeliveryState state) => mine.Where(count => count.State == state.ToString()).Sum(count => count.Count);
            var lastDelivered = mine.Max(count => count.LastDelivered);
            var lastError = await db.PacsDeliveries.AsNoTracking()
                .Where(delivery => delivery.Destination == destination.Name && delivery.State != nameof(PacsDeliveryState.Delivered) && delivery.LastError != null)
                .OrderByDescending(delivery => delivery.NextAttemptAtUtcTicks)
                .Select(delivery => delivery.LastError)
                .FirstOrDefaultAsync(cancellationToken);
            states.Add(new PacsDestinationState(destination.Name, $"{destination.AeTitle}@{destination.Host}:{destination.Port}",
                Count(PacsDeliveryState.Pending), Count(PacsDeliveryState.Delivered), Count(PacsDeliveryState.DeadLetter),
                lastDelivered is { } ticks ? new DateTimeOffset(ticks, TimeSpan.Zero) : null, lastError));
        }
        return states;
    }
}
