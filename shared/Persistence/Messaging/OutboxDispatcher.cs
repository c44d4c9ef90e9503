using System.Text.Json;
using MassTransit;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace AmpaCds.Persistence.Messaging;

/// <summary>
/// Publishes committed outbox rows of one context in creation order, each with MessageId = row id,
/// then marks them sent. Runs after each commit (signal) and every poll interval otherwise.
/// <para>
/// Delivery is at least once: a crash between the publish and the "sent" update, or several
/// replicas reading the same unsent row, publishes a row twice. That is safe because the MessageId
/// is the row id, fixed at enqueue, and every receiver's inbox deduplicates by MessageId — the
/// second copy has no effect. No row is ever deleted unsent.
/// </para>
/// </summary>
public sealed partial class OutboxDispatcher<TContext>(
    IServiceScopeFactory scopes,
    IBus bus,
    MessageTypeRegistry registry,
    OutboxSignal<TContext> signal,
    IOptions<OutboxOptions> options,
    TimeProvider clock,
    IHostApplicationLifetime lifetime,
    ILogger<OutboxDispatcher<TContext>> logger) : BackgroundService
    where TContext : DbContext, IMessagingDbContext
{
    /// <summary>Header carrying the MessageId of the message whose consumer wrote this one.</summary>
    public const string ParentMessageIdHeader = "ampacds-parent-message-id";

    private readonly OutboxOptions _options = options.Value;
    private DateTimeOffset _nextCleanup = DateTimeOffset.MinValue;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var poll = TimeSpan.FromSeconds(_options.PollIntervalSeconds);
        // The bus is a hosted service registered after this one; publishing before it runs would
        // only fail and back off, so the first round waits until every hosted service started.
        var started = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        using (lifetime.ApplicationStarted.Register(() => started.TrySetResult()))
        {
            try
            {
                await started.Task.WaitAsync(stoppingToken);
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }
        while (!stoppingToken.IsCancellationRequested)
        {
            var moreWaiting = false;
            try
            {
                moreWaiting = await DispatchOnceAsync(stoppingToken);
                await CleanUpIfDueAsync(stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception exception)
            {
                // The database may be unreachable for a while; the rows wait in it, nothing is lost.
                LogRoundFailed(exception);
            }
            if (moreWaiting)
            {
                continue;
            }
            try
            {
                await signal.WaitAsync(poll, stoppingToken);
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }
    }

    /// <summary>
    /// One round: publishes the due unsent rows (up to a batch). True when a full batch went out and
    /// more may be waiting. Public so that tests and tools can drive a round directly.
    /// </summary>
    public async Task<bool> DispatchOnceAsync(CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<TContext>();
        var now = clock.GetUtcNow().UtcTicks;
        var rows = await db.Outbox
            .Where(row => row.SentAtUtcTicks == null && (row.NextAttemptAtUtcTicks == null || row.NextAttemptAtUtcTicks <= now))
            .OrderBy(row => row.CreatedAtUtcTicks)
            .ThenBy(row => row.Id)
            .Take(_options.BatchSize)
            .ToListAsync(cancellationToken);
        foreach (var row in rows)
        {
            if (!registry.TryResolve(row.MessageType, out var type))
            {
                // A row no code here can publish (a contract removed): kept for an operator, retried
                // with back-off, and it does not hold up the rows behind it.
                await RecordFailureAsync(db, row, $"unknown message type {row.MessageType}", cancellationToken);
                continue;
            }
            object message;
            try
            {
                message = JsonSerializer.Deserialize(row.Body, type, OutboxJson.Options)
                    ?? throw new JsonException("the body is null");
            }
            catch (JsonException exception)
            {
                await RecordFailureAsync(db, row, $"unreadable body: {exception.Message}", cancellationToken);
                continue;
            }
            // Published under the writer's trace (MassTransit's send span becomes a child and carries traceparent on).
            using var publishActivity = OutboxTelemetry.StartPublish(row);
            try
            {
                await bus.Publish(message, type, Pipe.Execute<PublishContext>(publish =>
                {
                    publish.MessageId = row.Id;
                    publish.CorrelationId = row.CorrelationId;
                    publish.ConversationId = row.ConversationId;
                    publish.InitiatorId = row.ParentMessageId;
                    if (row.ParentMessageId is { } parent)
                    {
                        publish.Headers.Set(ParentMessageIdHeader, parent.ToString());
                    }
                }), cancellationToken);
            }
            catch (Exception exception) when (exception is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
            {
                // The transport is down or refusing: stop the round so later rows do not overtake this one.
                publishActivity?.SetStatus(System.Diagnostics.ActivityStatusCode.Error, exception.Message);
                await RecordFailureAsync(db, row, exception.Message, cancellationToken);
                LogPublishFailed(exception, row.Id, row.MessageType, row.Attempts);
                return false;
            }
            row.SentAtUtcTicks = clock.GetUtcNow().UtcTicks;
            row.Attempts++;
            row.LastError = null;
            // Saved per row: a crash re-publishes at most this one row (harmless, see the class comment).
            await db.SaveChangesAsync(cancellationToken);
        }
        return rows.Count == _options.BatchSize;
    }

    private async Task RecordFailureAsync(TContext db, OutboxMessage row, string error, CancellationToken cancellationToken)
    {
        row.Attempts++;
        row.LastError = error.Length > 2000 ? error[..2000] : error;
        var delay = Math.Min(_options.RetryDelaySeconds * Math.Pow(2, Math.Min(row.Attempts - 1, 20)), _options.MaxRetryDelaySeconds);
        row.NextAttemptAtUtcTicks = clock.GetUtcNow().UtcTicks + TimeSpan.FromSeconds(delay).Ticks;
        await db.SaveChangesAsync(cancellationToken);
    }

    /// <summary>Deletes sent rows and inbox rows past their retention; never an unsent row.</summary>
    public async Task CleanUpAsync(CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<TContext>();
        var now = clock.GetUtcNow();
        var sentBefore = (now - TimeSpan.FromDays(_options.SentRetentionDays)).UtcTicks;
        var processedBefore = (now - TimeSpan.FromDays(_options.InboxRetentionDays)).UtcTicks;
        var sent = await db.Outbox.Where(row => row.SentAtUtcTicks != null && row.SentAtUtcTicks < sentBefore).ExecuteDeleteAsync(cancellationToken);
        var processed = await db.Inbox.Where(row => row.ProcessedAtUtcTicks < processedBefore).ExecuteDeleteAsync(cancellationToken);
        if (sent + processed > 0)
        {
            LogCleanedUp(sent, processed);
        }
    }

    private async Task CleanUpIfDueAsync(CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        if (now < _nextCleanup)
        {
            return;
        }
        _nextCleanup = now + TimeSpan.FromMinutes(_options.CleanupIntervalMinutes);
        await CleanUpAsync(cancellationToken);
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Outbox round failed; unsent rows stay in the database and are retried")]
    private partial void LogRoundFailed(Exception exception);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Publishing outbox row {RowId} ({MessageType}) failed, attempt {Attempts}; it stays unsent and is retried")]
    private partial void LogPublishFailed(Exception exception, Guid rowId, string messageType, int attempts);

    [LoggerMessage(Level = LogLevel.Information, Message = "Outbox retention: deleted {SentRows} sent outbox rows and {InboxRows} inbox rows")]
    private partial void LogCleanedUp(int sentRows, int inboxRows);
}
