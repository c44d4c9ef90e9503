namespace AmpaCds.Reporting.Persistence;

/// <summary>A row of ResearchPlots: one PNG plot of a published analysis, by the analysis's name ("group-comparison").</summary>
public sealed class ResearchPlotEntity
{
    public Guid AnalysisId { get; set; }
    public string Name { get; set; } = "";

    /// <summary>Where the plot came in the publication: the page shows them in the CLI's order (the group comparison first).</summary>
    public int Position { get; set; }
    public byte[] Png { get; set; } = [];
}
