namespace AmpaCds.Persistence.Messaging;

/// <summary>
/// Wakes the dispatcher of one context right after a commit wrote outbox rows, so messages leave
/// without waiting for the next poll. Per context type: the embedded host has four.
/// </summary>
public sealed class OutboxSignal<TContext>
{
    private readonly SemaphoreSlim _pending = new(0, 1);

    public void Notify()
    {
        // At most one pending wake-up: several commits while the dispatcher works are one more round.
        try
        {
            _pending.Release();
        }
        catch (SemaphoreFullException)
        {
        }
    }

    /// <summary>True when notified, false when the timeout passed.</summary>
    public Task<bool> WaitAsync(TimeSpan timeout, CancellationToken cancellationToken) =>
        _pending.WaitAsync(timeout, cancellationToken);
}
