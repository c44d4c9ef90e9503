using MathNet.Numerics;

namespace AmpaCds.Research.Analytics.Statistics;

/// <summary>Two-sided p-values of Student's t distribution.</summary>
public static class StudentT
{
    /// <summary>
    /// P(|T| ≥ |t|) for <paramref name="df"/> degrees of freedom, as the regularised incomplete beta
    /// I_{df/(df+t²)}(df/2, 1/2). Computed directly rather than as 1 − CDF so that very small p-values keep
    /// their relative precision (scipy's ttest functions agree to about 1e-12).
    /// </summary>
    public static double TwoSidedP(double t, double df)
    {
        if (double.IsNaN(t) || double.IsNaN(df) || df <= 0)
        {
            return double.NaN;
        }

        if (double.IsInfinity(t))
        {
            return 0;
        }

        return Math.Clamp(SpecialFunctions.BetaRegularized(df / 2, 0.5, df / (df + t * t)), 0, 1);
    }
}
