namespace AmpaCds.Research.Analytics.Statistics;

/// <summary>Pearson and Spearman correlation as scipy.stats.pearsonr and spearmanr compute them.</summary>
public static class Correlation
{
    /// <summary>
    /// r with p from t = r√((n − 2)/(1 − r²)) on n − 2 df (exact under bivariate normality, as pearsonr) and the
    /// 95 % interval tanh(atanh r ± 1.96/√(n − 3)) (pearsonr(...).confidence_interval()).
    /// </summary>
    public static CorrelationResult Pearson(IReadOnlyList<double> x, IReadOnlyList<double> y)
    {
        ArgumentNullException.ThrowIfNull(x);
        ArgumentNullException.ThrowIfNull(y);
        if (x.Count != y.Count || x.Count < 4)
        {
            throw new ArgumentException($"A correlation needs two equally long series of at least 4 values, not {x.Count} and {y.Count}.");
        }

        var n = x.Count;
        double mx = Sample.Mean(x), my = Sample.Mean(y);
        double sxy = 0, sxx = 0, syy = 0;
        for (var i = 0; i < n; i++)
        {
            sxy += (x[i] - mx) * (y[i] - my);
            sxx += (x[i] - mx) * (x[i] - mx);
            syy += (y[i] - my) * (y[i] - my);
        }

        var r = Math.Clamp(sxy / Math.Sqrt(sxx * syy), -1, 1);
        return WithInference(n, r);
    }

    /// <summary>Spearman's rho: Pearson's r of the average ranks (ties share the mean of their ranks), p as spearmanr.</summary>
    public static CorrelationResult Spearman(IReadOnlyList<double> x, IReadOnlyList<double> y) =>
        Pearson(Ranks.Average(x), Ranks.Average(y));

    private static CorrelationResult WithInference(int n, double r)
    {
        var t = r * Math.Sqrt((n - 2) / ((1 - r) * (1 + r)));
        var z = Math.Atanh(r);
        var half = EffectSize.Z975 / Math.Sqrt(n - 3);
        return new CorrelationResult(n, r, Math.Tanh(z - half), Math.Tanh(z + half), StudentT.TwoSidedP(t, n - 2));
    }
}
