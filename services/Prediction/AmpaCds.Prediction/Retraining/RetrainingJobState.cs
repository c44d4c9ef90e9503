using AmpaCds.Prediction.Model;
using AmpaCds.Prediction.Outcomes;
using AmpaCds.Prediction.Registry;
namespace AmpaCds.Prediction.Retraining;

public enum RetrainingJobState
{
    Queued,
    Running,
    Succeeded,
    Failed,
}
