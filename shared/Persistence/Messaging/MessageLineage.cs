using MassTransit;

namespace AmpaCds.Persistence.Messaging;

/// <summary>Where an outgoing message comes from: the run it belongs to and the message that caused it.</summary>
public readonly record struct MessageLineage(Guid? CorrelationId, Guid? ConversationId, Guid? ParentMessageId)
{
    /// <summary>A message that starts a run (no parent).</summary>
    public static MessageLineage Root(Guid? correlationId) => new(correlationId, null, null);

    /// <summary>A message caused by the one being consumed: same correlation and conversation, that one as parent.</summary>
    public static MessageLineage From(ConsumeContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        return new(context.CorrelationId, context.ConversationId, context.MessageId);
    }
}
