using MassTransit;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;

namespace AmpaCds.Persistence.Messaging;

/// <summary>
/// Applies a consumer's effect at most once per message: the inbox row, the effect's entities and
/// the outgoing outbox rows commit in ONE transaction. A redelivery (broker restart, consumer
/// killed after the commit and before the acknowledgement, a replica racing another) finds the
/// inbox row and does nothing, so each message has exactly one effect. Scoped: uses the consumer
/// scope's context.
/// </summary>
public sealed partial class IdempotentEffectRunner<TContext>(
    TContext db,
    OutboxSignal<TContext> signal,
    TimeProvider clock,
    ILogger<IdempotentEffectRunner<TContext>> logger)
    where TContext : DbContext, IMessagingDbContext
{
    /// <summary>
    /// Runs <paramref name="effect"/> unless <paramref name="consumerName"/> already processed the
    /// message. True: applied now; false: a duplicate, nothing done. An exception from the effect
    /// leaves nothing committed and propagates (MassTransit retries, then the _error queue).
    /// </summary>
    public Task<bool> RunOnceAsync(ConsumeContext context, string consumerName, Func<TContext, CancellationToken, Task> effect)
    {
        ArgumentNullException.ThrowIfNull(context);
        var messageId = context.MessageId
            ?? throw new InvalidOperationException($"{consumerName}: the message has no MessageId, so a redelivery could not be recognised.");
        return RunOnceAsync(messageId, consumerName, effect, context.CancellationToken);
    }

    /// <summary>The same for a message id known otherwise (tests, non-MassTransit entry points).</summary>
    public async Task<bool> RunOnceAsync(Guid messageId, string consumerName, Func<TContext, CancellationToken, Task> effect,
        CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(consumerName);
        ArgumentNullException.ThrowIfNull(effect);
        // No retrying execution strategy is configured: a user transaction cannot be replayed by one,
        // and MassTransit's retry replays the whole message, which is the right unit anyway.
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        try
        {
            // The common redelivery is answered by this read, without a failed insert to log.
            if (await db.Inbox.AnyAsync(row => row.Consumer == consumerName && row.MessageId == messageId, cancellationToken))
            {
                LogDuplicate(consumerName, messageId);
                return false;
            }
            if (!await ClaimAsync(messageId, consumerName, cancellationToken))
            {
                await RollBackAsync(transaction);
                LogLostRace(consumerName, messageId);
                return false;
            }
            await effect(db, cancellationToken);
            await db.SaveChangesAsync(cancellationToken);
            await transaction.CommitAsync(cancellationToken);
        }
        catch
        {
            await RollBackAsync(transaction);
            throw;
        }
        signal.Notify();
        return true;
    }

    /// <summary>
    /// Inserts the inbox row before the effect runs: a concurrent duplicate blocks on this key
    /// (PostgreSQL) or on the write lock (SQLite, whose transactions begin IMMEDIATE) and loses
    /// here, before running its effect. Only this insert's unique violation means "duplicate"; one
    /// raised by the effect's own rows is a real error and propagates.
    /// </summary>
    private async Task<bool> ClaimAsync(Guid messageId, string consumerName, CancellationToken cancellationToken)
    {
        db.Inbox.Add(new InboxMessage
        {
            Consumer = consumerName,
            MessageId = messageId,
            ProcessedAtUtcTicks = clock.GetUtcNow().UtcTicks,
        });
        try
        {
            await db.SaveChangesAsync(cancellationToken);
            return true;
        }
        catch (DbUpdateException exception) when (UniqueViolation.Is(exception))
        {
            return false;
        }
    }

    private async Task RollBackAsync(Microsoft.EntityFrameworkCore.Storage.IDbContextTransaction transaction)
    {
        // Entities of the failed attempt must not ride along with a later SaveChanges on this context.
        db.ChangeTracker.Clear();
        try
        {
            await transaction.RollbackAsync(CancellationToken.None);
        }
        catch (Exception exception) when (exception is InvalidOperationException or System.Data.Common.DbException)
        {
            // The connection may already be gone; the server discards an uncommitted transaction anyway.
            LogRollbackFailed(exception);
        }
    }

    [LoggerMessage(Level = LogLevel.Debug, Message = "{Consumer}: message {MessageId} was already processed; skipped")]
    private partial void LogDuplicate(string consumer, Guid messageId);

    [LoggerMessage(Level = LogLevel.Debug, Message = "{Consumer}: message {MessageId} was processed concurrently by another delivery; skipped")]
    private partial void LogLostRace(string consumer, Guid messageId);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Rolling back a failed inbox transaction failed")]
    private partial void LogRollbackFailed(Exception exception);
}
