namespace AmpaCds.Research.Analytics.Cohort;

/// <summary>
/// One region's comparison of group A with group B (TRD − healthy, or ketamine − placebo change): Welch t, BH q over
/// regions, Hedges' g and, when covariates were asked for, the group coefficient of SUVR ~ group + age + sex.
/// </summary>
public sealed record TwoGroupRow(
    string Region, int CountA, int CountB, double MeanA, double MeanB, double Difference, double T, double Df, double P, double Q,
    double G, double GLower, double GUpper,
    double? AdjustedDifference = null, double? AdjustedT = null, double? AdjustedDf = null, double? AdjustedP = null, double? AdjustedQ = null);
