namespace AmpaCds.Reporting.Persistence;

/// <summary>A row of ReportVersions: one rendered report of a study.</summary>
public sealed class ReportVersionEntity
{
    public string StudyInstanceUid { get; set; } = "";
    public int Version { get; set; }
    public Guid CorrelationId { get; set; }
    public string InputHash { get; set; } = "";
    public int SeriesVersion { get; set; }
    public string ModelVersion { get; set; } = "";
    public string ChangeSummary { get; set; } = "";
    public long CreatedAtUtcTicks { get; set; }
    public string ReportBlobKey { get; set; } = "";
}
