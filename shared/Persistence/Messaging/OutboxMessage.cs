namespace AmpaCds.Persistence.Messaging;

/// <summary>A message written in the same transaction as the effect that caused it, published afterwards.</summary>
public sealed class OutboxMessage
{
    /// <summary>The MessageId the published message carries, so every receiver's inbox can deduplicate it.</summary>
    public Guid Id { get; set; }

    /// <summary>Name in the <see cref="MessageTypeRegistry"/>, never a type name loaded blindly from the database.</summary>
    public string MessageType { get; set; } = "";

    /// <summary>JSON with the bus's serializer options.</summary>
    public string Body { get; set; } = "";

    public Guid? CorrelationId { get; set; }

    public Guid? ConversationId { get; set; }

    /// <summary>MessageId of the message whose consumer wrote this one (lineage).</summary>
    public Guid? ParentMessageId { get; set; }

    /// <summary>
    /// W3C traceparent of the activity that wrote the row (the consumer's, the series announcement's): the dispatcher
    /// publishes under it, so the study's trace continues across the commit. Null: written outside any trace.
    /// </summary>
    public string? TraceParent { get; set; }

    /// <summary>UTC ticks, strictly increasing within a process, so rows are published in the order they were written.</summary>
    public long CreatedAtUtcTicks { get; set; }

    /// <summary>UTC ticks of the publish; null while unsent.</summary>
    public long? SentAtUtcTicks { get; set; }

    /// <summary>Earliest UTC ticks of the next publish attempt after a failure; null: now.</summary>
    public long? NextAttemptAtUtcTicks { get; set; }

    public int Attempts { get; set; }

    public string? LastError { get; set; }
}
