using System.Diagnostics;
using AmpaCds.Reporting.Audit;
using AmpaCds.Reporting.Diagnostics;
using AmpaCds.Reporting.PacsExport;
using AmpaCds.Reporting.Persistence;
using AmpaCds.Security.Audit;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace AmpaCds.Reporting.PacsOutbox;

/// <summary>
/// Works off PacsDeliveries: makes a version's objects once, sends each destination its due objects over one
/// association, and records the outcome per object and destination. State lives only in the database, so a
/// restart resumes where it stopped; retries back off exponentially; a permanent refusal or the last allowed
/// attempt moves the object to the dead-letter list with the reason. Delivery is at least once: an answer lost
/// between the store and the save sends the object again, with the same UIDs, which a PACS files as the same object.
/// </summary>
public sealed partial class PacsDeliveryWorker(
    IServiceScopeFactory scopes,
    IOptions<PacsOptions> options,
    TimeProvider clock,
    ReportingMetrics metrics,
    ILogger<PacsDeliveryWorker> logger) : BackgroundService
{
    private const int BatchSize = 200;

    /// <summary>The requestor of a transfer to the PACS: the gateway itself, acting on the site's configuration.</summary>
    private static readonly AuditActor Sender = new("ampacds-reporting", ["service"], null);
    private readonly PacsOptions _options = options.Value;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await DeliverDueAsync(stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception exception)
            {
                // The database itself failed; the rows are untouched and the next round tries again.
                LogRoundFailed(exception);
            }
            try
            {
                await Task.Delay(TimeSpan.FromSeconds(_options.PollIntervalSeconds), clock, stoppingToken);
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }
    }

    /// <summary>One round over every due delivery; returns how many rows it changed. Public for tests and tools.</summary>
    public async Task<int> DeliverDueAsync(CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<ReportingDbContext>();
        var studies = scope.ServiceProvider.GetRequiredService<StudyRepository>();
        var cache = scope.ServiceProvider.GetRequiredService<PacsObjectCache>();
        var sender = scope.ServiceProvider.GetRequiredService<PacsDestinationSender>();
        var trail = scope.ServiceProvider.GetRequiredService<IAuditTrail>();
        var now = clock.GetUtcNow();
        var pending = nameof(PacsDeliveryState.Pending);
        var due = await db.PacsDeliveries
            .Where(row => row.State == pending && row.NextAttemptAtUtcTicks <= now.UtcTicks)
            .OrderBy(row => row.CreatedAtUtcTicks)
            .Take(BatchSize)
            .ToListAsync(cancellationToken);
        var changed = 0;
        foreach (var version in due.GroupBy(row => (row.StudyInstanceUid, row.ReportVersion)))
        {
            // Each version's round is a span of the study's trace (its rows share the planning consumer's traceparent).
            using var activity = PacsDeliveryTelemetry.StartDeliver(version.Key.StudyInstanceUid, version.Key.ReportVersion,
                version.Select(row => row.TraceParent).FirstOrDefault(parent => parent is not null));
            changed += await DeliverVersionAsync(version.Key.StudyInstanceUid, version.Key.ReportVersion, version.ToList(), studies, cache, sender, trail, cancellationToken);
            await db.SaveChangesAsync(cancellationToken);
        }
        return changed;
    }

    private async Task<int> DeliverVersionAsync(string studyInstanceUid, int reportVersion, List<PacsDeliveryEntity> rows,
        StudyRepository studies, PacsObjectCache cache, PacsDestinationSender sender, IAuditTrail trail, CancellationToken cancellationToken)
    {
        var record = await studies.FindAsync(studyInstanceUid, cancellationToken);
        if (record is null)
        {
            rows.ForEach(row => Finish(row, PacsDeliveryState.DeadLetter, null, "the study is no longer known to the gateway"));
            return rows.Count;
        }
        PacsObjectSet set;
        try
        {
            set = await cache.GetAsync(record, reportVersion, cancellationToken);
        }
        catch (Exception exception) when (exception is ArgumentException or InvalidOperationException)
        {
            // The record cannot become valid objects (no PET instances recorded, no patient header): retrying will not help.
            LogCannotMake(exception, reportVersion);
            rows.ForEach(row => Finish(row, PacsDeliveryState.DeadLetter, null, "the objects could not be made: " + exception.Message));
            return rows.Count;
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            // Usually the parametric maps the images are drawn from (Quantification's API) are unreachable for now.
            rows.ForEach(row => Retry(row, PacsStatusClassifier.FromException(exception)));
            return rows.Count;
        }
        if (set.Waiting)
        {
            rows.ForEach(row => row.NextAttemptAtUtcTicks = clock.GetUtcNow().AddSeconds(_options.PollIntervalSeconds).UtcTicks);
            return 0;
        }
        if (set.SupersededReason is { } reason)
        {
            rows.ForEach(row => Finish(row, PacsDeliveryState.Superseded, null, reason));
            return rows.Count;
        }
        foreach (var row in rows.Where(row => !set.Objects.ContainsKey(Enum.Parse<PacsObjectKind>(row.ObjectKind))))
        {
            Finish(row, PacsDeliveryState.Skipped, null, "not made for this version: its figure is not available");
        }
        foreach (var destination in rows.Where(row => row.State == nameof(PacsDeliveryState.Pending)).GroupBy(row => row.Destination))
        {
            var delivered = await SendAsync(destination.Key, destination.ToList(), set, sender, cancellationToken);
            if (delivered > 0)
            {
                await trail.RecordAsync(new AuditEvent(AuditEventKind.StudySentToPacs, AuditOutcome.Success, clock.GetUtcNow(), Sender,
                    StudyAuditObjects.Of(record), $"{delivered} objects of report version {reportVersion} to PACS destination {destination.Key}"),
                    cancellationToken);
            }
        }
        return rows.Count;
    }

    private async Task<int> SendAsync(string destinationName, List<PacsDeliveryEntity> rows, PacsObjectSet set, PacsDestinationSender sender,
        CancellationToken cancellationToken)
    {
        var destination = _options.Find(destinationName);
        if (destination is null)
        {
            rows.ForEach(row => Finish(row, PacsDeliveryState.DeadLetter, null, $"destination '{destinationName}' is no longer configured"));
            return 0;
        }
        if (!destination.Enabled)
        {
            rows.ForEach(row => row.NextAttemptAtUtcTicks = clock.GetUtcNow().AddSeconds(_options.MaxRetryDelaySeconds).UtcTicks);
            return 0;
        }
        var objects = rows.Select(row => set.Objects[Enum.Parse<PacsObjectKind>(row.ObjectKind)]).ToList();
        var started = Stopwatch.GetTimestamp();
        var outcomes = await sender.SendAsync(destination, objects, cancellationToken);
        metrics.PacsAssociation(Stopwatch.GetElapsedTime(started));
        for (var index = 0; index < rows.Count; index++)
        {
            var row = rows[index];
            row.SopInstanceUid = objects[index].SopInstanceUid;
            var outcome = outcomes[index];
            switch (outcome.Result)
            {
                case PacsStoreResult.Delivered:
                    row.Attempts++;
                    Finish(row, PacsDeliveryState.Delivered, outcome.Status, outcome.Reason);
                    row.DeliveredAtUtcTicks = clock.GetUtcNow().UtcTicks;
                    break;
                case PacsStoreResult.Refused:
                    row.Attempts++;
                    Finish(row, PacsDeliveryState.DeadLetter, outcome.Status, outcome.Reason);
                    LogDeadLetter(destinationName, row.ObjectKind, row.ReportVersion, outcome.Reason ?? "");
                    break;
                default:
                    Retry(row, outcome);
                    break;
            }
        }
        var delivered = rows.Count(row => row.State == nameof(PacsDeliveryState.Delivered));
        if (delivered > 0)
        {
            LogDelivered(delivered, destinationName, rows[0].ReportVersion);
        }
        return delivered;
    }

    private void Retry(PacsDeliveryEntity row, PacsStoreOutcome outcome)
    {
        row.Attempts++;
        row.LastStatus = outcome.Status;
        row.LastError = outcome.Reason;
        if (row.Attempts >= _options.MaxAttempts)
        {
            Finish(row, PacsDeliveryState.DeadLetter, outcome.Status, $"gave up after {row.Attempts} attempts: {outcome.Reason}");
            LogDeadLetter(row.Destination, row.ObjectKind, row.ReportVersion, row.LastError ?? "");
            return;
        }
        var delay = Math.Min(_options.RetryDelaySeconds * Math.Pow(2, Math.Min(row.Attempts - 1, 30)), _options.MaxRetryDelaySeconds);
        row.NextAttemptAtUtcTicks = clock.GetUtcNow().AddSeconds(delay).UtcTicks;
        metrics.PacsDelivery(ReportingMetrics.Retry);
        LogRetry(row.Destination, row.ObjectKind, row.Attempts, delay, outcome.Reason ?? "");
    }

    /// <summary>Every end of a delivery passes here, so the delivered and dead-letter counts cannot miss a path.</summary>
    private void Finish(PacsDeliveryEntity row, PacsDeliveryState state, int? status, string? reason)
    {
        row.State = state.ToString();
        row.LastStatus = status ?? row.LastStatus;
        row.LastError = reason;
        if (state == PacsDeliveryState.Delivered)
        {
            metrics.PacsDelivery(ReportingMetrics.Delivered);
        }
        else if (state == PacsDeliveryState.DeadLetter)
        {
            metrics.PacsDelivery(ReportingMetrics.DeadLetter);
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Delivered {Count} objects of report version {Version} to PACS destination {Destination}")]
    private partial void LogDelivered(int count, string destination, int version);

    [LoggerMessage(Level = LogLevel.Warning, Message = "PACS destination {Destination}: {ObjectKind} attempt {Attempts} failed; retrying in {DelaySeconds:0.#} s ({Reason})")]
    private partial void LogRetry(string destination, string objectKind, int attempts, double delaySeconds, string reason);

    [LoggerMessage(Level = LogLevel.Error, Message = "PACS destination {Destination}: {ObjectKind} of report version {Version} moved to the dead-letter list: {Reason}")]
    private partial void LogDeadLetter(string destination, string objectKind, int version, string reason);

    [LoggerMessage(Level = LogLevel.Error, Message = "The PACS objects of report version {Version} cannot be made")]
    private partial void LogCannotMake(Exception exception, int version);

    [LoggerMessage(Level = LogLevel.Warning, Message = "A PACS delivery round failed; the next round retries")]
    private partial void LogRoundFailed(Exception exception);
}
