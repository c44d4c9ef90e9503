using AmpaCds.Prediction.Evaluation;

namespace AmpaCds.Prediction.Tests;

public class BinaryMetricsTests
{
    private static readonly bool[] Outcomes = [false, false, true, false, true, true];

    [Fact]
    public void Auc_counts_ordered_pairs_and_half_ties()
    {
        Assert.Equal(1.0, BinaryMetrics.Auc([0.1, 0.2, 0.7, 0.3, 0.8, 0.9], Outcomes));
        Assert.Equal(0.0, BinaryMetrics.Auc([0.9, 0.8, 0.1, 0.7, 0.2, 0.3], Outcomes));
        // Pairs (pos, neg): 0.7 beats 0.1, 0.2 and ties 0.7 -> 2.5; 0.5 beats 2 -> 2; 0.1 ties 0.1 -> 0.5. Total 5 of 9.
        Assert.Equal(5.0 / 9, BinaryMetrics.Auc([0.1, 0.2, 0.7, 0.7, 0.5, 0.1], Outcomes), 12);
        Assert.True(double.IsNaN(BinaryMetrics.Auc([0.1, 0.2], [true, true])));
    }

    [Fact]
    public void Balanced_accuracy_and_brier_by_hand()
    {
        double[] p = [0.1, 0.4, 0.6, 0.2, 0.3, 0.9];
        // Threshold 0.35: called responders 0.4, 0.6, 0.9 -> sensitivity 2/3, specificity 2/3.
        Assert.Equal(2.0 / 3, BinaryMetrics.BalancedAccuracy(p, Outcomes, 0.35), 12);
        Assert.Equal((0.01 + 0.16 + 0.16 + 0.04 + 0.49 + 0.01) / 6, BinaryMetrics.Brier(p, Outcomes), 12);
    }

    [Fact]
    public void Calibration_slope_recovers_the_generating_slope()
    {
        // Outcomes drawn from sigmoid(0.5 * logit(p)): forecasts twice as extreme as the truth -> slope 0.5.
        var random = new Random(3);
        var p = Enumerable.Range(0, 20000).Select(_ => BinaryMetrics.Sigmoid(random.NextDouble() * 8 - 4)).ToArray();
        var outcomes = p.Select(x => random.NextDouble() < BinaryMetrics.Sigmoid(0.5 * BinaryMetrics.Logit(x))).ToArray();

        Assert.InRange(BinaryMetrics.CalibrationSlope(p, outcomes), 0.45, 0.55);
    }
}
