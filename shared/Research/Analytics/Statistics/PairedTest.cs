namespace AmpaCds.Research.Analytics.Statistics;

/// <summary>Paired t test (scipy.stats.ttest_rel) and Cohen's d_z.</summary>
public static class PairedTest
{
    /// <summary>
    /// t = mean(Δ) / (SD(Δ)/√n), df = n − 1, Δ = after − before. d_z = mean(Δ)/SD(Δ) with the normal-approximation
    /// SE √(1/n + d_z²/(2n)) for its 95 % interval.
    /// </summary>
    public static PairedResult Compute(IReadOnlyList<double> before, IReadOnlyList<double> after)
    {
        ArgumentNullException.ThrowIfNull(before);
        ArgumentNullException.ThrowIfNull(after);
        if (before.Count != after.Count || before.Count < 2)
        {
            throw new ArgumentException($"A paired test needs two equally long series of at least 2 values, not {before.Count} and {after.Count}.");
        }

        var n = before.Count;
        var change = before.Select((value, i) => after[i] - value).ToList();
        var mean = Sample.Mean(change);
        var sd = Math.Sqrt(Sample.Variance(change));
        var t = mean / (sd / Math.Sqrt(n));
        var dz = mean / sd;
        return new PairedResult(
            n, Sample.Mean(before), Sample.Mean(after), mean, t, n - 1, StudentT.TwoSidedP(t, n - 1),
            EffectSize.WithStandardError(dz, Math.Sqrt(1.0 / n + dz * dz / (2.0 * n))));
    }
}
