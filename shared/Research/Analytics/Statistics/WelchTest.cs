namespace AmpaCds.Research.Analytics.Statistics;

/// <summary>
/// Welch's unequal-variance t test (scipy.stats.ttest_ind with equal_var=False) and Hedges' g with the
/// Hedges &amp; Olkin (1985) large-sample normal approximation of its standard error.
/// </summary>
public static class WelchTest
{
    public static TwoSampleResult Compute(IReadOnlyList<double> a, IReadOnlyList<double> b)
    {
        ArgumentNullException.ThrowIfNull(a);
        ArgumentNullException.ThrowIfNull(b);
        if (a.Count < 2 || b.Count < 2)
        {
            throw new ArgumentException($"Welch's test needs at least 2 values per group, not {a.Count} and {b.Count}.");
        }

        double meanA = Sample.Mean(a), meanB = Sample.Mean(b);
        double va = Sample.Variance(a) / a.Count, vb = Sample.Variance(b) / b.Count;
        var t = (meanA - meanB) / Math.Sqrt(va + vb);
        // Welch-Satterthwaite degrees of freedom.
        var df = (va + vb) * (va + vb) / (va * va / (a.Count - 1) + vb * vb / (b.Count - 1));
        return new TwoSampleResult(a.Count, b.Count, meanA, meanB, meanA - meanB, t, df, StudentT.TwoSidedP(t, df), HedgesG(a, b));
    }

    /// <summary>
    /// g = J·d, d = (mean A − mean B) / pooled SD, J = 1 − 3 / (4(nA + nB) − 9);
    /// SE(g) = √((nA + nB)/(nA·nB) + g² / (2(nA + nB))) (Hedges &amp; Olkin 1985, normal approximation).
    /// </summary>
    public static EffectSize HedgesG(IReadOnlyList<double> a, IReadOnlyList<double> b)
    {
        int na = a.Count, nb = b.Count;
        var pooled = Math.Sqrt(((na - 1) * Sample.Variance(a) + (nb - 1) * Sample.Variance(b)) / (na + nb - 2));
        var d = (Sample.Mean(a) - Sample.Mean(b)) / pooled;
        var g = (1 - 3.0 / (4.0 * (na + nb) - 9)) * d;
        var se = Math.Sqrt((double)(na + nb) / (na * nb) + g * g / (2.0 * (na + nb)));
        return EffectSize.WithStandardError(g, se);
    }
}
