namespace AmpaCds.Reporting.Research;

/// <summary>A stored analysis without its content: what the list of analyses shows.</summary>
public sealed record ResearchAnalysisInfo(Guid Id, string Title, string CohortSha256, string PublishedBy, DateTimeOffset PublishedAt, IReadOnlyList<string> PlotNames);
