using AmpaCds.Prediction.Model;
using AmpaCds.Prediction.Registry;

namespace AmpaCds.Prediction.Service;

/// <summary>
/// The registry's active model, loaded once and swapped when another version is activated, so a
/// new model takes over without a restart. The pointer file is tiny; reading it per forecast is cheap.
/// </summary>
public sealed class ActiveModel(ModelRegistry registry) : IDisposable
{
    private readonly Lock _gate = new();
    private ResponseModel? _loaded;

    public ModelRegistry Registry { get; } = registry;

    public ResponseModel Current()
    {
        var active = Registry.ActiveVersion ?? throw new InvalidOperationException("no model is active in the registry");
        lock (_gate)
        {
            if (_loaded?.Version != active)
            {
                var previous = _loaded;
                _loaded = Registry.Load(active);
                previous?.Dispose();
            }
            return _loaded;
        }
    }

    public void Dispose()
    {
        lock (_gate)
        {
            _loaded?.Dispose();
            _loaded = null;
        }
    }
}
