using AmpaCds.ServiceDefaults.Messaging;
using RabbitMQ.Client;
using RabbitMQ.Client.Exceptions;

namespace AmpaCds.Reporting.Operations.DeadLetters;

/// <summary>
/// Dead letters in RabbitMQ: each consumer queue's "_error" queue (<see cref="ConsumerQueues"/>). Listing takes the
/// messages without acknowledging them and closes the channel, which puts them back in their order. Replay publishes
/// each chosen message to its consumer queue, waits for the broker's confirm, then acknowledges it in _error: a crash in
/// between sends it twice, which the consumers' inbox makes harmless, and never loses it.
/// </summary>
public sealed class RabbitMqDeadLetterQueues(BrokerConnection broker) : IDeadLetterQueues
{
    /// <summary>At most this many dead letters are read per queue for a listing; the depth still counts them all.</summary>
    public const int MaximumListedPerQueue = 200;

    // Listing and replay both take messages out of _error for a moment; one at a time keeps them from hiding each other's.
    private readonly SemaphoreSlim _exclusive = new(1, 1);

    public async Task<IReadOnlyList<QueueDepth>> DepthsAsync(CancellationToken cancellationToken)
    {
        var depths = new List<QueueDepth>(ConsumerQueues.All.Count);
        foreach (var queue in ConsumerQueues.All)
        {
            var main = await CountAsync(queue, cancellationToken);
            var errors = await CountAsync(ConsumerQueues.ErrorQueue(queue), cancellationToken);
            depths.Add(new QueueDepth(queue, main?.MessageCount ?? 0, main?.ConsumerCount ?? 0, errors?.MessageCount ?? 0));
        }
        return depths;
    }

    public async Task<DeadLetterListing> ListAsync(string? queue, CancellationToken cancellationToken)
    {
        var queues = queue is null ? ConsumerQueues.All : [Known(queue)];
        await _exclusive.WaitAsync(cancellationToken);
        try
        {
            var depths = await DepthsAsync(cancellationToken);
            var letters = new List<DeadLetter>();
            foreach (var name in queues.Where(name => depths.Any(depth => depth.Queue == name && depth.DeadLetters > 0)))
            {
                letters.AddRange(await PeekAsync(name, cancellationToken));
            }
            return new DeadLetterListing(true, "", depths.Where(depth => queues.Contains(depth.Queue)).ToList(), letters);
        }
        finally
        {
            _exclusive.Release();
        }
    }

    public async Task<DeadLetterReplay> ReplayAsync(string queue, IReadOnlyCollection<string> messageIds, CancellationToken cancellationToken)
    {
        Known(queue);
        var wanted = messageIds.ToHashSet(StringComparer.OrdinalIgnoreCase);
        await _exclusive.WaitAsync(cancellationToken);
        try
        {
            var waiting = (await CountAsync(ConsumerQueues.ErrorQueue(queue), cancellationToken))?.MessageCount ?? 0;
            await using var channel = await broker.OpenChannelAsync(confirmPublishes: true, cancellationToken);
            var replayed = 0;
            var seen = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
            // Bounded by what was waiting when the replay began: a message that fails again at once comes back to
            // _error behind them and is not sent round a second time.
            for (var taken = 0; taken < waiting; taken++)
            {
                var message = await channel.BasicGetAsync(ConsumerQueues.ErrorQueue(queue), autoAck: false, cancellationToken);
                if (message is null)
                {
                    break;
                }
                var id = message.BasicProperties.MessageId ?? "";
                seen.Add(id);
                if (wanted.Count > 0 && !wanted.Contains(id))
                {
                    // Not chosen: stays unacknowledged and returns to _error when the channel closes.
                    continue;
                }
                var properties = new BasicProperties(message.BasicProperties) { Headers = FaultHeaders.WithoutFault(message.BasicProperties.Headers) };
                await channel.BasicPublishAsync("", queue, mandatory: true, properties, message.Body, cancellationToken);
                await channel.BasicAckAsync(message.DeliveryTag, multiple: false, cancellationToken);
                replayed++;
            }
            await channel.CloseAsync(cancellationToken);
            return new DeadLetterReplay(replayed, wanted.Where(id => !seen.Contains(id)).Order(StringComparer.Ordinal).ToList());
        }
        finally
        {
            _exclusive.Release();
        }
    }

    private async Task<List<DeadLetter>> PeekAsync(string queue, CancellationToken cancellationToken)
    {
        var letters = new List<DeadLetter>();
        await using var channel = await broker.OpenChannelAsync(confirmPublishes: false, cancellationToken);
        while (letters.Count < MaximumListedPerQueue)
        {
            var message = await channel.BasicGetAsync(ConsumerQueues.ErrorQueue(queue), autoAck: false, cancellationToken);
            if (message is null)
            {
                break;
            }
            var headers = message.BasicProperties.Headers;
            letters.Add(new DeadLetter(
                queue,
                message.BasicProperties.MessageId ?? "",
                FaultHeaders.ShortMessageType(FaultHeaders.Text(headers, FaultHeaders.MessageType)),
                FaultHeaders.Text(headers, FaultHeaders.ExceptionType),
                FaultHeaders.ShortReason(headers),
                FaultHeaders.FaultedAt(headers),
                message.Body.Length));
        }
        // Closing without acknowledging puts every message back where it was.
        await channel.CloseAsync(cancellationToken);
        return letters;
    }

    /// <summary>The queue's message and consumer counts, or null when it does not exist (an _error queue before its first fault).</summary>
    private async Task<QueueDeclareOk?> CountAsync(string queue, CancellationToken cancellationToken)
    {
        // A passive declare of a missing queue closes the channel: each check gets its own.
        var channel = await broker.OpenChannelAsync(confirmPublishes: false, cancellationToken);
        try
        {
            return await channel.QueueDeclarePassiveAsync(queue, cancellationToken);
        }
        catch (OperationInterruptedException error) when (error.ShutdownReason?.ReplyCode == 404)
        {
            return null;
        }
        finally
        {
            await channel.DisposeAsync();
        }
    }

    private static string Known(string queue) =>
        ConsumerQueues.IsKnown(queue)
            ? queue
            : throw new DeadLetterException($"'{queue}' is not a consumer queue; known queues: {string.Join(", ", ConsumerQueues.All)}");
}
