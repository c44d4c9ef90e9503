namespace AmpaCds.Prediction.Retraining;

public enum RetrainingJobState
{
    Queued,
    Running,
    Succeeded,
    Failed,
}
