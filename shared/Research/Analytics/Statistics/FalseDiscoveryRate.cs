namespace AmpaCds.Research.Analytics.Statistics;

/// <summary>Benjamini-Hochberg adjusted p-values (q), as statsmodels' multipletests(method="fdr_bh").</summary>
public static class FalseDiscoveryRate
{
    /// <summary>
    /// q(i) = min over the p-values ranked at or above i of p·m/rank, capped at 1, so q never falls as p rises.
    /// NaN p-values (a region that could not be tested) stay NaN and do not count in m.
    /// </summary>
    public static double[] BenjaminiHochberg(IReadOnlyList<double> p)
    {
        ArgumentNullException.ThrowIfNull(p);
        var q = Enumerable.Repeat(double.NaN, p.Count).ToArray();
        var order = Enumerable.Range(0, p.Count).Where(i => !double.IsNaN(p[i])).OrderBy(i => p[i]).ToArray();
        var m = order.Length;
        var running = 1.0;
        for (var rank = m; rank >= 1; rank--)
        {
            var index = order[rank - 1];
            running = Math.Min(running, p[index] * m / rank);
            q[index] = running;
        }

        return q;
    }
}
