namespace AmpaCds.Reporting.Studies;

/// <summary>One rendered report of a study. A new one exists only when the input or the model changed.</summary>
public sealed record ReportVersionRecord(
    int Version,
    Guid CorrelationId,
    string InputHash,
    int SeriesVersion,
    string ModelVersion,
    string ChangeSummary,
    DateTimeOffset CreatedAt)
{
    public string ReportBlobKey(string studyInstanceUid) => ReportKeys.For(studyInstanceUid, Version);
}
