using AmpaCds.Prediction.Model;
using AmpaCds.Prediction.Registry;

namespace AmpaCds.Prediction.Service;

/// <summary>
/// The registry's active model, loaded once and swapped when another version is activated, so a
/// new model takes over without a restart. The pointer file is tiny; reading it per forecast is cheap.
/// </summary>
/// <remarks>
/// Forecasts hold a <see cref="ModelLease"/> for as long as they use the model: a replaced model is
/// disposed only when the last lease on it is released, so activating a version while forecasts run
/// never pulls an engine from under them.
/// </remarks>
public sealed class ActiveModel(ModelRegistry registry) : IDisposable
{
    private readonly Lock _gate = new();
    private LeasedModel? _current;
    private bool _disposed;
    private int _loadedCount;
    private int _disposedCount;

    public ModelRegistry Registry { get; } = registry;

    /// <summary>Models loaded so far (each version switch loads one).</summary>
    public int LoadedModelCount => Volatile.Read(ref _loadedCount);

    /// <summary>Replaced models whose last lease was released and which were therefore disposed.</summary>
    public int DisposedModelCount => Volatile.Read(ref _disposedCount);

    /// <summary>The active model, held until the lease is disposed: <c>using var lease = activeModel.Acquire();</c>.</summary>
    public ModelLease Acquire()
    {
        var active = Registry.ActiveVersion ?? throw new InvalidOperationException("no model is active in the registry");
        lock (_gate)
        {
            ObjectDisposedException.ThrowIf(_disposed, this);
            if (_current?.Model.Version != active)
            {
                var previous = _current;
                _current = new LeasedModel(Registry.Load(active), OnDisposed);
                Interlocked.Increment(ref _loadedCount);
                previous?.Release(); // the reference the active slot held; leases still out keep it alive
            }
            // Under the gate the current model still holds the slot's reference, so its count is above zero here.
            _current.AddReference();
            return new ModelLease(_current);
        }
    }

    private void OnDisposed() => Interlocked.Increment(ref _disposedCount);

    /// <summary>Drops the active slot's reference; a lease still out disposes the model when it is released.</summary>
    public void Dispose()
    {
        lock (_gate)
        {
            if (_disposed)
            {
                return;
            }
            _disposed = true;
            _current?.Release();
            _current = null;
        }
    }
}
