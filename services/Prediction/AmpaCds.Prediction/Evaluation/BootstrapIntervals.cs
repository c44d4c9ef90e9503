namespace AmpaCds.Prediction.Evaluation;

/// <summary>Percentile-bootstrap intervals of the metrics, resampling patients with a seeded generator.</summary>
internal static class BootstrapIntervals
{
    public static MetricSummary Summarise(double[] probabilities, bool[] outcomes, double threshold, int resamples, int seed)
    {
        var metrics = new Func<double[], bool[], double>[]
        {
            BinaryMetrics.Auc,
            (p, o) => BinaryMetrics.BalancedAccuracy(p, o, threshold),
            BinaryMetrics.Brier,
            BinaryMetrics.CalibrationSlope,
        };
        var estimates = metrics.Select(metric => Estimate(probabilities, outcomes, metric, resamples, seed)).ToArray();
        return new MetricSummary(estimates[0], estimates[1], estimates[2], estimates[3]);
    }

    /// <summary>Interval of a paired statistic, e.g. the AUC difference of two forecasts of the same patients.</summary>
    public static MetricEstimate Estimate(double[] probabilities, bool[] outcomes, Func<double[], bool[], double> metric, int resamples, int seed) =>
        Estimate(outcomes.Length, indices => metric(indices.Select(i => probabilities[i]).ToArray(), indices.Select(i => outcomes[i]).ToArray()),
            metric(probabilities, outcomes), resamples, seed);

    public static MetricEstimate Estimate(int count, Func<int[], double> statistic, double value, int resamples, int seed)
    {
        var random = new Random(seed);
        var values = new List<double>(resamples);
        var indices = new int[count];
        for (var r = 0; r < resamples; r++)
        {
            for (var i = 0; i < count; i++)
            {
                indices[i] = random.Next(count);
            }

            // Resamples with one class only have no AUC or slope; they are left out rather than counted as chance.
            if (statistic(indices) is var v && double.IsFinite(v))
            {
                values.Add(v);
            }
        }

        values.Sort();
        return values.Count == 0
            ? new MetricEstimate(value, double.NaN, double.NaN)
            : new MetricEstimate(value, Quantile(values, 0.025), Quantile(values, 0.975));
    }

    /// <summary>Linear interpolation between order statistics (type 7).</summary>
    public static double Quantile(IReadOnlyList<double> sorted, double q)
    {
        var position = q * (sorted.Count - 1);
        var lower = (int)Math.Floor(position);
        var upper = Math.Min(lower + 1, sorted.Count - 1);
        return sorted[lower] + (position - lower) * (sorted[upper] - sorted[lower]);
    }
}
