namespace AmpaCds.Prediction.Evaluation;

/// <summary>Discrimination and calibration of probabilities against outcomes; plain functions.</summary>
public static class BinaryMetrics
{
    /// <summary>Area under the ROC curve by the rank (Mann-Whitney) formula, ties counted half; NaN without both classes.</summary>
    public static double Auc(IReadOnlyList<double> probabilities, IReadOnlyList<bool> outcomes)
    {
        var order = Enumerable.Range(0, probabilities.Count).OrderBy(i => probabilities[i]).ToArray();
        var ranks = new double[order.Length];
        for (var start = 0; start < order.Length;)
        {
            var end = start;
            while (end + 1 < order.Length && probabilities[order[end + 1]] == probabilities[order[start]])
            {
                end++;
            }

            for (var k = start; k <= end; k++)
            {
                ranks[order[k]] = (start + end) / 2.0 + 1;
            }

            start = end + 1;
        }

        var positives = outcomes.Count(o => o);
        var negatives = outcomes.Count - positives;
        if (positives == 0 || negatives == 0)
        {
            return double.NaN;
        }

        var positiveRankSum = Enumerable.Range(0, ranks.Length).Where(i => outcomes[i]).Sum(i => ranks[i]);
        return (positiveRankSum - positives * (positives + 1) / 2.0) / ((double)positives * negatives);
    }

    /// <summary>Mean of sensitivity and specificity when probabilities at or above <paramref name="threshold"/> are called responders.</summary>
    public static double BalancedAccuracy(IReadOnlyList<double> probabilities, IReadOnlyList<bool> outcomes, double threshold)
    {
        int truePositive = 0, positives = 0, trueNegative = 0, negatives = 0;
        for (var i = 0; i < probabilities.Count; i++)
        {
            var called = probabilities[i] >= threshold;
            if (outcomes[i]) { positives++; truePositive += called ? 1 : 0; }
            else { negatives++; trueNegative += called ? 0 : 1; }
        }

        return positives == 0 || negatives == 0 ? double.NaN : (truePositive / (double)positives + trueNegative / (double)negatives) / 2;
    }

    public static double Brier(IReadOnlyList<double> probabilities, IReadOnlyList<bool> outcomes) =>
        Enumerable.Range(0, probabilities.Count).Average(i => Math.Pow(probabilities[i] - (outcomes[i] ? 1 : 0), 2));

    /// <summary>
    /// Slope of the logistic recalibration outcome ~ a + b·logit(p): 1 is ideal, below 1 means overconfident forecasts
    /// (too extreme), above 1 underconfident. Fitted by Newton-Raphson; NaN without both classes.
    /// </summary>
    public static double CalibrationSlope(IReadOnlyList<double> probabilities, IReadOnlyList<bool> outcomes) =>
        LogisticRecalibration.Fit(probabilities.Select(Logit).ToArray(), outcomes).Slope;

    public static double Logit(double probability)
    {
        var p = Math.Clamp(probability, 1e-6, 1 - 1e-6);
        return Math.Log(p / (1 - p));
    }

    public static double Sigmoid(double logit) => 1 / (1 + Math.Exp(-logit));
}
