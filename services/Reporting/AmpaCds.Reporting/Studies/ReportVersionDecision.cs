namespace AmpaCds.Reporting.Studies;

/// <summary>What a run that is ready to render does: attach to the latest version, or become a new one with a summary.</summary>
public sealed record ReportVersionDecision(int Version, bool IsNew, string ChangeSummary)
{
    /// <summary>
    /// A new version only when (input hash, model version) differs from the latest version's. Its summary says
    /// what changed: "first version"; the run's own summary (Intake's change summary, or the reason a run was
    /// requested) when the input changed; "model A -> B" when the model changed; both when both did.
    /// </summary>
    public static ReportVersionDecision For(StudyRecord run, string inputHash, string modelVersion, ReportVersionRecord? latest)
    {
        ArgumentNullException.ThrowIfNull(run);
        if (latest is null)
        {
            return new ReportVersionDecision(1, true, "first version");
        }
        var inputChanged = !string.Equals(latest.InputHash, inputHash, StringComparison.Ordinal);
        var modelChanged = !string.Equals(latest.ModelVersion, modelVersion, StringComparison.Ordinal);
        if (!inputChanged && !modelChanged)
        {
            return new ReportVersionDecision(latest.Version, false, latest.ChangeSummary);
        }
        var changes = new List<string>();
        if (inputChanged)
        {
            changes.Add(run.ChangeSummary is { Length: > 0 } summary ? summary : $"series version {run.SeriesVersion}: input changed");
        }
        if (modelChanged)
        {
            changes.Add($"model {latest.ModelVersion} -> {modelVersion}");
        }
        return new ReportVersionDecision(latest.Version + 1, true, string.Join("; ", changes));
    }
}
