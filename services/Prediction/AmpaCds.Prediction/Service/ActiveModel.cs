using AmpaCds.Prediction.Model;
using AmpaCds.Prediction.Registry;

namespace AmpaCds.Prediction.Service;

/// <summary>
/// The catalog's active model, loaded once and swapped when another version is activated, so a new model takes over
/// without a restart. The active version is cached and read from the catalog again at most every
/// <c>refreshInterval</c> (AmpaCds:Prediction:ActiveModelRefreshSeconds), and at once after an activation through this
/// instance; so replicas sharing one database converge within the interval.
/// </summary>
/// <remarks>
/// Forecasts hold a <see cref="ModelLease"/> for as long as they use the model: a replaced model is
/// disposed only when the last lease on it is released, so activating a version while forecasts run
/// never pulls an engine from under them.
/// </remarks>
public sealed class ActiveModel : IDisposable
{
    private readonly Lock _gate = new();
    private readonly Lock _versionGate = new();
    private readonly TimeProvider _clock;
    private readonly TimeSpan _refreshInterval;
    private LeasedModel? _current;
    private bool _disposed;
    private int _loadedCount;
    private int _disposedCount;
    private string? _knownVersion;
    private DateTimeOffset _knownAt;

    /// <summary>A registry folder that is its own catalog (ACTIVE pointer file), read on every acquire.</summary>
    public ActiveModel(ModelRegistry registry)
        : this(registry, registry, TimeProvider.System, TimeSpan.Zero)
    {
    }

    /// <param name="registry">Where the model files are (the blob store, through a local cache, in the service).</param>
    /// <param name="catalog">Which version is active (the service's database).</param>
    /// <param name="clock">Decides when the cached active version is read again.</param>
    /// <param name="refreshInterval">How long a read active version is trusted; zero reads it on every acquire.</param>
    public ActiveModel(IModelArtifacts registry, IModelCatalog catalog, TimeProvider clock, TimeSpan refreshInterval)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(refreshInterval, TimeSpan.Zero);
        Registry = registry;
        Catalog = catalog;
        _clock = clock;
        _refreshInterval = refreshInterval;
    }

    /// <summary>The model files.</summary>
    public IModelArtifacts Registry { get; }

    /// <summary>The versions' metadata and the active pointer.</summary>
    public IModelCatalog Catalog { get; }

    /// <summary>Models loaded so far (each version switch loads one).</summary>
    public int LoadedModelCount => Volatile.Read(ref _loadedCount);

    /// <summary>Replaced models whose last lease was released and which were therefore disposed.</summary>
    public int DisposedModelCount => Volatile.Read(ref _disposedCount);

    /// <summary>The active version as this instance knows it (re-read when older than the refresh interval).</summary>
    public string? ActiveVersion
    {
        get
        {
            lock (_versionGate)
            {
                var now = _clock.GetUtcNow();
                if (_knownVersion is null || _refreshInterval == TimeSpan.Zero || now - _knownAt >= _refreshInterval)
                {
                    _knownVersion = Catalog.ReadActiveVersion();
                    _knownAt = now;
                }
                return _knownVersion;
            }
        }
    }

    /// <summary>Saves the model's files and records its metadata; not yet active.</summary>
    public string Register(ResponseModel model)
    {
        ArgumentNullException.ThrowIfNull(model);
        Registry.Register(model);
        Catalog.Record(model.Card);
        return model.Version;
    }

    /// <summary>Activates a registered version for every replica; this instance switches at its next acquire. Returns the previous version.</summary>
    /// <exception cref="UnknownModelVersionException">No such version (files or catalog row missing).</exception>
    public string? Activate(string version)
    {
        if (!Registry.Contains(version))
        {
            throw new UnknownModelVersionException(version, Registry.Location);
        }
        var previous = Catalog.Activate(version);
        lock (_versionGate)
        {
            _knownVersion = version;
            _knownAt = _clock.GetUtcNow();
        }
        return previous;
    }

    /// <summary>The active model, held until the lease is disposed: <c>using var lease = activeModel.Acquire();</c>.</summary>
    /// <exception cref="MissingModelArtifactException">The active version's files are missing (the message names it).</exception>
    public ModelLease Acquire()
    {
        var active = ActiveVersion ?? throw new InvalidOperationException("no model is active in the registry");
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
