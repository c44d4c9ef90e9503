using AmpaCds.Prediction.Model;
using AmpaCds.Prediction.Outcomes;
using AmpaCds.Prediction.Registry;
namespace AmpaCds.Prediction.Service;

/// <summary>
/// Use of the model that was active when it was acquired; the model is not disposed before this
/// lease is. Dispose once, when the forecast is done (a second Dispose does nothing).
/// </summary>
public sealed class ModelLease : IDisposable
{
    private LeasedModel? _held;

    internal ModelLease(LeasedModel held)
    {
        _held = held;
        Model = held.Model;
    }

    public ResponseModel Model { get; }

    public void Dispose() => Interlocked.Exchange(ref _held, null)?.Release();
}
