namespace AmpaCds.Research.Analytics.Statistics;

/// <summary>Ranks 1..n with ties given their average rank (scipy.stats.rankdata's default "average").</summary>
public static class Ranks
{
    public static double[] Average(IReadOnlyList<double> values)
    {
        ArgumentNullException.ThrowIfNull(values);
        var order = Enumerable.Range(0, values.Count).OrderBy(i => values[i]).ToArray();
        var ranks = new double[values.Count];
        var start = 0;
        while (start < order.Length)
        {
            var end = start;
            while (end + 1 < order.Length && values[order[end + 1]] == values[order[start]])
            {
                end++;
            }

            // Positions start..end (0-based) share ranks start+1..end+1; their mean is (start + end)/2 + 1.
            var rank = (start + end) / 2.0 + 1;
            for (var k = start; k <= end; k++)
            {
                ranks[order[k]] = rank;
            }

            start = end + 1;
        }

        return ranks;
    }
}
