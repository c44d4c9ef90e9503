namespace AmpaCds.Intake.Series;

/// <summary>A series being received: which instances arrived and when the last one did.</summary>
internal sealed class SeriesState(string studyUid, string seriesUid)
{
    public string StudyUid { get; } = studyUid;
    public string SeriesUid { get; } = seriesUid;
    public HashSet<string> Instances { get; } = new(StringComparer.Ordinal);

    /// <summary>Number of Slices (0054,0081) times Number of Time Slices, when the header says.</summary>
    public int? ExpectedInstances { get; set; }

    public DateTimeOffset LastArrival { get; set; }

    /// <summary>The span that received the series' first instance: the announcement continues its trace.</summary>
    public System.Diagnostics.ActivityContext FirstInstanceSpan { get; set; }

    /// <summary>The sender of the latest instance, for the audit record of the series' receipt.</summary>
    public string? Source { get; set; }
}
