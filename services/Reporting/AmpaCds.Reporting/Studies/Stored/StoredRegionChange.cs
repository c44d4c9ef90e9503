namespace AmpaCds.Reporting.Studies.Stored;

public sealed record StoredRegionChange(string Name, double BaselineSuvr, double FollowUpSuvr, double SuvrChange, double SuvrChangePercent,
    double? BaselineZScore, double? FollowUpZScore);
