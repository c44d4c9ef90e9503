namespace AmpaCds.Research.Analytics.Statistics;

/// <summary>Welch's two-sample test of A − B with Hedges' g (A − B over the pooled SD, small-sample corrected).</summary>
public sealed record TwoSampleResult(
    int CountA, int CountB, double MeanA, double MeanB, double Difference, double T, double Df, double P, EffectSize HedgesG);
