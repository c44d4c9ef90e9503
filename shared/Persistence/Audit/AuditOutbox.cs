using AmpaCds.Persistence.Messaging;
using AmpaCds.Security.Audit;

namespace AmpaCds.Persistence.Audit;

/// <summary>
/// Writes an audit event as an <see cref="AmpaCds.Contracts.Messages.AuditEventRecorded"/> row of a
/// service's outbox. Used directly where the audited effect already runs in a transaction of that context
/// (the event then commits with the effect), and by <see cref="OutboxAuditTrail{TContext}"/> otherwise.
/// One per context type, so the embedded host's services each name themselves as the source.
/// </summary>
public sealed class AuditOutbox<TContext>(string source, MessageOutbox outbox)
{
    public string Source { get; } = source;

    /// <summary>Adds the event to <paramref name="context"/>'s change tracker; returns its event id.</summary>
    public Guid Enqueue(IMessagingDbContext context, AuditEvent auditEvent, MessageLineage lineage = default)
    {
        var eventId = Guid.NewGuid();
        outbox.Enqueue(context, AuditEventMessages.ToMessage(auditEvent, eventId, Source), lineage);
        return eventId;
    }
}
