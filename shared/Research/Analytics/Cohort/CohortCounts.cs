namespace AmpaCds.Research.Analytics.Cohort;

/// <summary>Who the analysis used: group and arm sizes, and how many treated patients had a follow-up scan.</summary>
public sealed record CohortCounts(int Healthy, int Trd, int Ketamine, int Placebo, int KetamineWithFollowUp, int PlaceboWithFollowUp);
