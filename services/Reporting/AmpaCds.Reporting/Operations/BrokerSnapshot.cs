using AmpaCds.Reporting.Operations.DeadLetters;

namespace AmpaCds.Reporting.Operations;

/// <summary>Queue depths as last read, when, and the error of the last failed read (null when it succeeded).</summary>
public sealed record BrokerSnapshot(IReadOnlyList<QueueDepth> Queues, DateTimeOffset? SampledAt, string? Error)
{
    public static BrokerSnapshot None { get; } = new([], null, null);
}
