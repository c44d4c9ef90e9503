using System.Diagnostics;
using System.Text.Json;

namespace AmpaCds.Persistence.Messaging;

/// <summary>
/// Writes outgoing messages as rows of the consumer's own DbContext, so they commit (or vanish)
/// with its effect; the <see cref="OutboxDispatcher{TContext}"/> publishes them after the commit.
/// </summary>
public sealed class MessageOutbox(MessageTypeRegistry registry, TimeProvider clock)
{
    /// <summary>Adds the message to <paramref name="context"/>'s change tracker; saved with the effect. Returns its MessageId.</summary>
    public Guid Enqueue<TMessage>(IMessagingDbContext context, TMessage message, MessageLineage lineage)
        where TMessage : class
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(message);
        var type = message.GetType();
        var row = new OutboxMessage
        {
            Id = Guid.NewGuid(),
            MessageType = registry.NameFor(type),
            Body = JsonSerializer.Serialize(message, type, OutboxJson.Options),
            CorrelationId = lineage.CorrelationId,
            ConversationId = lineage.ConversationId,
            ParentMessageId = lineage.ParentMessageId,
            TraceParent = OutboxTelemetry.CurrentTraceParent(),
            CreatedAtUtcTicks = MonotonicClock.Next(clock),
        };
        context.Outbox.Add(row);
        return row.Id;
    }
}
