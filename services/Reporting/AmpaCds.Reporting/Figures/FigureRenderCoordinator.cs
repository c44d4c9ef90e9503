using System.Collections.Concurrent;

namespace AmpaCds.Reporting.Figures;

/// <summary>
/// Makes concurrent first requests for one figure share a single render: the first caller starts the work, later ones
/// await the same task. The entry is dropped when the work ends; by then the PNG is in the blob store, which the work
/// checks first, so a later request reads it instead of rendering again. Singleton: the in-flight table is per process.
/// </summary>
public sealed class FigureRenderCoordinator
{
    private readonly ConcurrentDictionary<string, Lazy<Task<byte[]?>>> _inFlight = new(StringComparer.Ordinal);

    /// <summary>
    /// Runs <paramref name="work"/> once per key at a time. The work itself is not cancelled by one caller's token (others
    /// may be waiting for it); each caller stops waiting when its own token is cancelled.
    /// </summary>
    public Task<byte[]?> RunOnceAsync(string key, Func<Task<byte[]?>> work, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(work);
        Lazy<Task<byte[]?>> candidate = null!;
        candidate = new Lazy<Task<byte[]?>>(() => RunAsync(key, work, candidate));
        return _inFlight.GetOrAdd(key, candidate).Value.WaitAsync(cancellationToken);
    }

    private async Task<byte[]?> RunAsync(string key, Func<Task<byte[]?>> work, Lazy<Task<byte[]?>> self)
    {
        try
        {
            return await Task.Run(work).ConfigureAwait(false);
        }
        finally
        {
            // Removes only this run's entry, never a newer one for the same key.
            _inFlight.TryRemove(new KeyValuePair<string, Lazy<Task<byte[]?>>>(key, self));
        }
    }
}
