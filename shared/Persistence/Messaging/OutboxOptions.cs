namespace AmpaCds.Persistence.Messaging;

/// <summary>How the outbox dispatcher runs (section "AmpaCds:Outbox").</summary>
public sealed class OutboxOptions
{
    public const string Section = "AmpaCds:Outbox";

    /// <summary>Poll for unsent rows this often when no commit signalled (rows written by another replica, or retries).</summary>
    public double PollIntervalSeconds { get; set; } = 5;

    /// <summary>Rows read per round.</summary>
    public int BatchSize { get; set; } = 100;

    /// <summary>Wait after the first failed publish of a row; doubles per attempt up to <see cref="MaxRetryDelaySeconds"/>.</summary>
    public double RetryDelaySeconds { get; set; } = 1;

    public double MaxRetryDelaySeconds { get; set; } = 60;

    /// <summary>Sent rows are kept this long (for inspection), then deleted.</summary>
    public double SentRetentionDays { get; set; } = 7;

    /// <summary>
    /// Inbox rows are kept this long. It must exceed the longest time a message can still be
    /// redelivered (retries, _error queue replays), or a late redelivery would run its effect again.
    /// </summary>
    public double InboxRetentionDays { get; set; } = 30;

    public double CleanupIntervalMinutes { get; set; } = 60;
}
