namespace AmpaCds.Reporting.Research;

/// <summary>A stored analysis with its summary page, result JSON and plots.</summary>
public sealed record ResearchAnalysisRecord(ResearchAnalysisInfo Info, string SummaryHtml, string ResultJson, IReadOnlyList<ResearchPlot> Plots);
