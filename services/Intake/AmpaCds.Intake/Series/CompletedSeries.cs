namespace AmpaCds.Intake.Series;

public sealed record CompletedSeries(string StudyUid, string SeriesUid, IReadOnlyCollection<string> InstanceUids, string CompletionReason)
{
    public int InstanceCount => InstanceUids.Count;
}
