namespace AmpaCds.Prediction.Persistence;

/// <summary>A row of RetrainingJobs: a retraining request and where it stands, so a job's status survives a restart.</summary>
public sealed class RetrainingJobRow
{
    public required string Id { get; set; }

    /// <summary>"Queued", "Running", "Succeeded" or "Failed" (stored by name).</summary>
    public required string State { get; set; }

    public int Seed { get; set; }

    public bool Activate { get; set; }

    public string? ModelVersion { get; set; }

    public int CohortSize { get; set; }

    public string? ModelCardSummary { get; set; }

    public string? Error { get; set; }

    public long RequestedAtUtcTicks { get; set; }

    public long? StartedAtUtcTicks { get; set; }

    public long? FinishedAtUtcTicks { get; set; }
}
