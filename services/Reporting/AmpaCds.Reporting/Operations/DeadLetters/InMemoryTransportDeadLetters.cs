namespace AmpaCds.Reporting.Operations.DeadLetters;

/// <summary>
/// The embedded shape's in-memory bus keeps its _error queues inside the process, unreadable and gone at exit: the ops
/// page and CLI say so rather than show an empty list that looks like "no failures".
/// </summary>
public sealed class InMemoryTransportDeadLetters : IDeadLetterQueues
{
    public const string Reason =
        "the in-memory bus (embedded shape) keeps no readable dead letters; failed messages are logged and the study shows its stage. Run on RabbitMQ to list and replay them.";

    public Task<DeadLetterListing> ListAsync(string? queue, CancellationToken cancellationToken) =>
        Task.FromResult(DeadLetterListing.Unavailable(Reason));

    public Task<IReadOnlyList<QueueDepth>> DepthsAsync(CancellationToken cancellationToken) =>
        Task.FromResult<IReadOnlyList<QueueDepth>>([]);

    public Task<DeadLetterReplay> ReplayAsync(string queue, IReadOnlyCollection<string> messageIds, CancellationToken cancellationToken) =>
        throw new DeadLettersUnavailableException(Reason);
}
