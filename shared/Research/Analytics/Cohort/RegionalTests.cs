using AmpaCds.Research.Analytics.Statistics;

namespace AmpaCds.Research.Analytics.Cohort;

/// <summary>The per-region building blocks of <see cref="CohortAnalysis"/>, each followed by BH-FDR over the regions.</summary>
internal static class RegionalTests
{
    public static List<TwoGroupRow> TwoGroups(
        IReadOnlyList<string> regions, Func<string, IReadOnlyList<double>> a, Func<string, IReadOnlyList<double>> b)
    {
        var rows = regions.Select(region =>
        {
            var result = WelchTest.Compute(a(region), b(region));
            return new TwoGroupRow(
                region, result.CountA, result.CountB, result.MeanA, result.MeanB, result.Difference, result.T, result.Df, result.P, double.NaN,
                result.HedgesG.Value, result.HedgesG.Lower, result.HedgesG.Upper);
        }).ToList();
        var q = FalseDiscoveryRate.BenjaminiHochberg(rows.Select(row => row.P).ToList());
        return rows.Select((row, i) => row with { Q = q[i] }).ToList();
    }

    /// <summary>Adds the group coefficient of y ~ group + covariates, fitted per region, and its BH q.</summary>
    public static List<TwoGroupRow> Adjusted(
        List<TwoGroupRow> rows, Func<string, (IReadOnlyList<IReadOnlyList<double>> Predictors, IReadOnlyList<double> Y)> design)
    {
        var adjusted = rows.Select(row =>
        {
            var (predictors, y) = design(row.Region);
            var group = LinearModel.Fit(predictors, y)[1];
            return row with { AdjustedDifference = group.Estimate, AdjustedT = group.T, AdjustedDf = group.Df, AdjustedP = group.P };
        }).ToList();
        var q = FalseDiscoveryRate.BenjaminiHochberg(adjusted.Select(row => row.AdjustedP!.Value).ToList());
        return adjusted.Select((row, i) => row with { AdjustedQ = q[i] }).ToList();
    }

    public static List<CorrelationRow> Correlations(
        IReadOnlyList<string> regions, Func<string, (IReadOnlyList<double> X, IReadOnlyList<double> Y)> pairs)
    {
        var rows = regions.Select(region =>
        {
            var (x, y) = pairs(region);
            var pearson = Correlation.Pearson(x, y);
            var spearman = Correlation.Spearman(x, y);
            return new CorrelationRow(
                region, pearson.Count, pearson.R, pearson.Lower, pearson.Upper, pearson.P, double.NaN,
                spearman.R, spearman.Lower, spearman.Upper, spearman.P, double.NaN);
        }).ToList();
        var pearsonQ = FalseDiscoveryRate.BenjaminiHochberg(rows.Select(row => row.PearsonP).ToList());
        var spearmanQ = FalseDiscoveryRate.BenjaminiHochberg(rows.Select(row => row.SpearmanP).ToList());
        return rows.Select((row, i) => row with { PearsonQ = pearsonQ[i], SpearmanQ = spearmanQ[i] }).ToList();
    }

    public static List<PairedChangeRow> Paired(
        IReadOnlyList<string> regions, Func<string, (IReadOnlyList<double> Before, IReadOnlyList<double> After)> pairs,
        Func<string, double> healthyMean)
    {
        var rows = regions.Select(region =>
        {
            var (before, after) = pairs(region);
            var result = PairedTest.Compute(before, after);
            return new PairedChangeRow(
                region, result.Count, result.MeanBefore, result.MeanAfter, result.MeanChange, result.T, result.Df, result.P, double.NaN,
                result.Dz.Value, result.Dz.Lower, result.Dz.Upper,
                NormalisationIndex(result.MeanBefore, result.MeanAfter, healthyMean(region)));
        }).ToList();
        var q = FalseDiscoveryRate.BenjaminiHochberg(rows.Select(row => row.P).ToList());
        return rows.Select((row, i) => row with { Q = q[i] }).ToList();
    }

    /// <summary>
    /// (follow-up mean − baseline mean) / (healthy mean − baseline mean): 1 = the TRD-healthy gap is closed, 0 = no
    /// change, negative = moved away from the controls, above 1 = overshoot. NaN without controls or without a gap.
    /// </summary>
    public static double NormalisationIndex(double baseline, double followUp, double healthy)
    {
        var gap = healthy - baseline;
        return double.IsNaN(gap) || Math.Abs(gap) < 1e-12 ? double.NaN : (followUp - baseline) / gap;
    }
}
