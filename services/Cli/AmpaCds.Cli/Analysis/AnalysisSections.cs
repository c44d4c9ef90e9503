using AmpaCds.Research.Analytics.Cohort;

namespace AmpaCds.Cli.Analysis;

/// <summary>The tables of a <see cref="CohortAnalysisResult"/>, in the order the summary shows them.</summary>
public static class AnalysisSections
{
    public static IReadOnlyList<AnalysisSection> From(CohortAnalysisResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        return
        [
            // With covariates the significance shown is the adjusted one; the table keeps both.
            Section("group-comparison", "analysis.group", "analysis.hedges-g", result.GroupComparison,
                row => new RegionEffect(row.Region, row.G, row.GLower, row.GUpper, row.AdjustedQ ?? row.Q)),
            Section("severity", "analysis.severity", "analysis.pearson-r", result.Severity, Pearson),
            Section("ketamine-change", "analysis.change", "analysis.dz", result.KetamineChange,
                row => new RegionEffect(row.Region, row.Dz, row.DzLower, row.DzUpper, row.Q)),
            Section("ketamine-change-vs-improvement", "analysis.change-vs-improvement", "analysis.pearson-r", result.ChangeVsImprovement, Pearson),
            Section("ketamine-vs-placebo", "analysis.arms", "analysis.hedges-g", result.ArmComparison,
                row => new RegionEffect(row.Region, row.G, row.GLower, row.GUpper, row.Q)),
            Section("baseline-prediction", "analysis.prediction", "analysis.pearson-r", result.Prediction, Pearson),
        ];
    }

    private static RegionEffect Pearson(CorrelationRow row) => new(row.Region, row.PearsonR, row.PearsonLower, row.PearsonUpper, row.PearsonQ);

    private static AnalysisSection Section<T>(string name, string titleKey, string effectKey, IReadOnlyList<T>? rows, Func<T, RegionEffect> effect)
        where T : class =>
        new(name, titleKey, effectKey, rows?.Cast<object>().ToList(), rows?.Select(effect).ToList() ?? []);
}
