namespace AmpaCds.Research.Analytics.Cohort;

/// <summary>
/// One region's change from baseline to follow-up in the ketamine arm: paired t, BH q, d_z with its interval, and the
/// normalisation index (fraction of the baseline gap to the healthy mean closed at follow-up; docs/ANALYTICS.md).
/// </summary>
public sealed record PairedChangeRow(
    string Region, int Count, double MeanBaseline, double MeanFollowUp, double MeanChange, double T, double Df, double P, double Q,
    double Dz, double DzLower, double DzUpper, double NormalisationIndex);
