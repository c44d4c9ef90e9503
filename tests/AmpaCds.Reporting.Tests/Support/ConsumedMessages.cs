using System.Collections.Concurrent;
using MassTransit;

namespace AmpaCds.Reporting.Tests.Support;

/// <summary>
/// Every finished consume on the bus, by MessageId, counting each delivery (the harness's own lists keep
/// one entry per MessageId, so a redelivered copy would be invisible there).
/// </summary>
public sealed class ConsumedMessages : IConsumeObserver
{
    private readonly ConcurrentQueue<(Guid MessageId, Exception? Error)> _finished = new();

    public int Count(Guid messageId) => _finished.Count(entry => entry.MessageId == messageId);

    public Exception? FirstError(Guid messageId) => _finished.FirstOrDefault(entry => entry.MessageId == messageId && entry.Error is not null).Error;

    public Task PreConsume<T>(ConsumeContext<T> context) where T : class => Task.CompletedTask;

    public Task PostConsume<T>(ConsumeContext<T> context) where T : class
    {
        _finished.Enqueue((context.MessageId ?? Guid.Empty, null));
        return Task.CompletedTask;
    }

    public Task ConsumeFault<T>(ConsumeContext<T> context, Exception exception) where T : class
    {
        _finished.Enqueue((context.MessageId ?? Guid.Empty, exception));
        return Task.CompletedTask;
    }
}
