using AmpaCds.ServiceDefaults.Storage;

namespace AmpaCds.Intake.Storage;

/// <summary>
/// The blob store every part of the process sees once Intake is in it: reads first wait until the
/// files of all instances acknowledged so far are written (read-your-writes), because an instance
/// is acknowledged once it is durable in the journal and its own file follows a moment later.
/// The wait is bounded; after it, the read proceeds with what is there.
/// </summary>
internal sealed class JournalAwareBlobStore(IBlobStore inner, DurableInstanceStore journal) : IBlobStore
{
    private static readonly TimeSpan MaxWait = TimeSpan.FromSeconds(10);

    public Task PutAsync(string key, ReadOnlyMemory<byte> content, CancellationToken cancellationToken = default) =>
        inner.PutAsync(key, content, cancellationToken);

    public Task PutAsync(string key, Stream content, CancellationToken cancellationToken = default) =>
        inner.PutAsync(key, content, cancellationToken);

    public Task DeleteAsync(string key, CancellationToken cancellationToken = default) =>
        inner.DeleteAsync(key, cancellationToken);

    public async Task<Stream> OpenReadAsync(string key, CancellationToken cancellationToken = default)
    {
        await WaitAsync(cancellationToken);
        return await inner.OpenReadAsync(key, cancellationToken);
    }

    public async Task<bool> ExistsAsync(string key, CancellationToken cancellationToken = default)
    {
        await WaitAsync(cancellationToken);
        return await inner.ExistsAsync(key, cancellationToken);
    }

    public async Task<IReadOnlyList<string>> ListAsync(string prefix, CancellationToken cancellationToken = default)
    {
        await WaitAsync(cancellationToken);
        return await inner.ListAsync(prefix, cancellationToken);
    }

    public async Task<byte[]> GetAsync(string key, CancellationToken cancellationToken = default)
    {
        await WaitAsync(cancellationToken);
        return await inner.GetAsync(key, cancellationToken);
    }

    public bool Exists(string key)
    {
        Wait();
        return inner.Exists(key);
    }

    public IReadOnlyList<string> List(string prefix)
    {
        Wait();
        return inner.List(prefix);
    }

    public long AvailableFreeBytes() => inner.AvailableFreeBytes();

    private void Wait()
    {
        var visible = journal.WhenVisibleAsync();
        if (!visible.IsCompleted)
        {
            visible.Wait(MaxWait);
        }
    }

    private async Task WaitAsync(CancellationToken cancellationToken)
    {
        try
        {
            await journal.WhenVisibleAsync(cancellationToken).WaitAsync(MaxWait, cancellationToken);
        }
        catch (TimeoutException)
        {
            // Proceed with what is readable; the file writer logs why it is behind.
        }
    }
}
