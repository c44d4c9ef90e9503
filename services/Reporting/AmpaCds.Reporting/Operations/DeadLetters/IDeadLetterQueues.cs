namespace AmpaCds.Reporting.Operations.DeadLetters;

/// <summary>The broker's consumer queues and their dead letters (RabbitMQ), or a transport without readable ones.</summary>
public interface IDeadLetterQueues
{
    Task<DeadLetterListing> ListAsync(string? queue, CancellationToken cancellationToken);

    /// <summary>Queue depths only, without reading any message (the metrics sampler's call).</summary>
    Task<IReadOnlyList<QueueDepth>> DepthsAsync(CancellationToken cancellationToken);

    /// <summary>Moves dead letters of <paramref name="queue"/> (all, or those with <paramref name="messageIds"/>) back to the queue.</summary>
    Task<DeadLetterReplay> ReplayAsync(string queue, IReadOnlyCollection<string> messageIds, CancellationToken cancellationToken);
}
