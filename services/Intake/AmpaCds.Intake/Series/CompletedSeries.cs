namespace AmpaCds.Intake.Series;

public sealed record CompletedSeries(string StudyUid, string SeriesUid, IReadOnlyCollection<string> InstanceUids, string CompletionReason)
{
    public int InstanceCount => InstanceUids.Count;

    /// <summary>Who sent the last instance ("AE@address:port" for C-STORE, "STOW-RS@address"); null when recovered at start.</summary>
    public string? Source { get; init; }

    /// <summary>The span that received the first instance (default: none, e.g. recovered at start); the announcement's parent.</summary>
    public System.Diagnostics.ActivityContext FirstInstanceSpan { get; init; }
}
