namespace AmpaCds.Reporting.Operations.DeadLetters;

/// <summary>The broker's view for operations; <see cref="Available"/> is false on a transport that keeps nothing readable.</summary>
public sealed record DeadLetterListing(bool Available, string UnavailableReason, IReadOnlyList<QueueDepth> Queues, IReadOnlyList<DeadLetter> DeadLetters)
{
    public static DeadLetterListing Unavailable(string reason) => new(false, reason, [], []);
}
