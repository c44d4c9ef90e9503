namespace AmpaCds.Reporting.Research;

/// <summary>Group and arm sizes of an analysed cohort, and how many treated patients had a follow-up scan.</summary>
public sealed record ResearchCounts(int Healthy, int Trd, int Ketamine, int Placebo, int KetamineWithFollowUp, int PlaceboWithFollowUp);
