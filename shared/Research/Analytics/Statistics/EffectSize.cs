namespace AmpaCds.Research.Analytics.Statistics;

/// <summary>A standardised effect size with its 95 % confidence interval (normal approximation).</summary>
public sealed record EffectSize(double Value, double Lower, double Upper)
{
    /// <summary>Two-sided 95 % standard normal quantile, the same constant scipy.stats.norm.ppf(0.975) gives.</summary>
    public const double Z975 = 1.959963984540054;

    public static EffectSize WithStandardError(double value, double standardError) =>
        new(value, value - Z975 * standardError, value + Z975 * standardError);
}
