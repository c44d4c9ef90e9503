namespace AmpaCds.Persistence.Messaging;

/// <summary>A message a consumer has already applied: its presence makes a redelivery a no-op.</summary>
public sealed class InboxMessage
{
    public string Consumer { get; set; } = "";

    public Guid MessageId { get; set; }

    /// <summary>UTC ticks: SQLite cannot compare DateTimeOffset in SQL, and retention deletes by age.</summary>
    public long ProcessedAtUtcTicks { get; set; }
}
