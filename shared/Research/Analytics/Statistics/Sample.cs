namespace AmpaCds.Research.Analytics.Statistics;

/// <summary>Mean and unbiased (n − 1) variance, the building blocks of every test here.</summary>
public static class Sample
{
    public static double Mean(IReadOnlyList<double> values)
    {
        var sum = 0.0;
        foreach (var value in values)
        {
            sum += value;
        }

        return values.Count == 0 ? double.NaN : sum / values.Count;
    }

    public static double Variance(IReadOnlyList<double> values)
    {
        if (values.Count < 2)
        {
            return double.NaN;
        }

        // Two-pass: subtract the mean first, so SUVR near 1 with small spread keeps its digits.
        var mean = Mean(values);
        var sum = 0.0;
        foreach (var value in values)
        {
            sum += (value - mean) * (value - mean);
        }

        return sum / (values.Count - 1);
    }
}
