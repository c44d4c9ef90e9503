namespace AmpaCds.Reporting.Research;

/// <summary>An analysis as a researcher publishes it (`ampacds cohort analyze --publish`).</summary>
public sealed record NewResearchAnalysis(string Title, string CohortSha256, string SummaryHtml, string ResultJson, IReadOnlyList<ResearchPlot> Plots);
