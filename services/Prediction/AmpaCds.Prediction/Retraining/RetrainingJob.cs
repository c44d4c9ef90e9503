namespace AmpaCds.Prediction.Retraining;

/// <summary>One request to retrain from the recorded outcomes and where it stands.</summary>
/// <param name="ModelVersion">The registered version once succeeded.</param>
/// <param name="Error">Why it failed (e.g. too few outcomes), once failed.</param>
public sealed record RetrainingJob(
    string Id,
    int Seed,
    bool Activate,
    RetrainingJobState State,
    DateTimeOffset QueuedAt,
    DateTimeOffset? FinishedAt = null,
    string? ModelVersion = null,
    int CohortSize = 0,
    string? ModelCardSummary = null,
    string? Error = null)
{
    /// <summary>When the runner picked the job up.</summary>
    public DateTimeOffset? StartedAt { get; init; }

    public bool IsFinished => State is RetrainingJobState.Succeeded or RetrainingJobState.Failed;
}
