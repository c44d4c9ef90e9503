namespace AmpaCds.Reporting.Research;

/// <summary>One PNG plot of an analysis, by the analysis's name ("group-comparison").</summary>
public sealed record ResearchPlot(string Name, byte[] Png);
