namespace AmpaCds.Reporting.Persistence;

/// <summary>A row of ResearchPlots: one PNG plot of a published analysis, by the analysis's name ("group-comparison").</summary>
public sealed class ResearchPlotEntity
{
    public Guid AnalysisId { get; set; }
    public string Name { get; set; } = "";
    public byte[] Png { get; set; } = [];
}
