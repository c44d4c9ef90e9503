using AmpaCds.Prediction.Model;
using AmpaCds.Prediction.Outcomes;
using AmpaCds.Prediction.Registry;
namespace AmpaCds.Prediction.Service;

/// <summary>A loaded model and how many holders (the active slot and each open lease) still use it; the last one disposes it.</summary>
internal sealed class LeasedModel(ResponseModel model, Action onDisposed)
{
    private int _references = 1; // the active slot's

    public ResponseModel Model { get; } = model;

    public void AddReference() => Interlocked.Increment(ref _references);

    public void Release()
    {
        if (Interlocked.Decrement(ref _references) == 0)
        {
            Model.Dispose();
            onDisposed();
        }
    }
}
