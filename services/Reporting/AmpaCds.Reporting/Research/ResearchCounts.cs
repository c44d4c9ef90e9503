namespace AmpaCds.Reporting.Research;

/// <summary>Group and arm sizes of an analysed cohort.</summary>
public sealed record ResearchCounts(int Healthy, int Trd, int Ketamine, int Placebo);
