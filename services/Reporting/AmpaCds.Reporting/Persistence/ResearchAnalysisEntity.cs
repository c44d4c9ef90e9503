namespace AmpaCds.Reporting.Persistence;

/// <summary>
/// A row of ResearchAnalyses: one published cohort analysis (`ampacds cohort analyze --publish`). De-identified group
/// statistics; the plots are rows of <see cref="ResearchPlotEntity"/>.
/// </summary>
public sealed class ResearchAnalysisEntity
{
    public Guid Id { get; set; }
    public string Title { get; set; } = "";

    /// <summary>SHA-256 of the cohort CSV, lowercase hex: which cohort, without the cohort.</summary>
    public string CohortSha256 { get; set; } = "";

    /// <summary>The publisher's user id, from their token.</summary>
    public string PublishedBy { get; set; } = "";
    public long PublishedAtUtcTicks { get; set; }
    public string SummaryHtml { get; set; } = "";
    public string ResultJson { get; set; } = "";
}
