using System.Collections.Concurrent;

namespace AmpaCds.Persistence.Tests.Support;

/// <summary>What the test receivers got, in arrival order, with the headers the outbox sets.</summary>
public sealed class ReceivedMessages
{
    private readonly ConcurrentQueue<ReceivedMessage> _messages = new();

    public void Add(ReceivedMessage message) => _messages.Enqueue(message);

    public IReadOnlyList<ReceivedMessage> All => [.. _messages];

    /// <summary>Waits (bounded) until <paramref name="predicate"/> holds for the received list.</summary>
    public async Task<IReadOnlyList<ReceivedMessage>> WaitForAsync(Func<IReadOnlyList<ReceivedMessage>, bool> predicate, TimeSpan timeout)
    {
        using var limit = new CancellationTokenSource(timeout);
        while (!predicate(All))
        {
            if (limit.IsCancellationRequested)
            {
                throw new TimeoutException($"expected messages did not arrive within {timeout}; got {All.Count}");
            }
            await Task.Delay(50, CancellationToken.None);
        }
        return All;
    }
}

public sealed record ReceivedMessage(Guid? MessageId, Guid? CorrelationId, string? ParentMessageId, object Message);
