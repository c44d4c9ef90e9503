namespace AmpaCds.Prediction;

/// <summary>The model card's copy of a <see cref="ModelComparisonReport"/>: how well the procedure did on unseen patients.</summary>
public sealed record ModelEvaluationSummary(
    string Scheme,
    MetricEstimate Auc,
    MetricEstimate BalancedAccuracy,
    MetricEstimate Brier,
    MetricEstimate CalibrationSlope,
    double ClinicalBaselineAuc,
    double PermutationPValue,
    int Permutations,
    string Verdict)
{
    public static ModelEvaluationSummary From(ModelComparisonReport report) => new(
        report.Scheme, report.Nested.Auc, report.Nested.BalancedAccuracy, report.Nested.Brier, report.Nested.CalibrationSlope,
        report.ClinicalBaseline.Metrics.Auc.Value, report.Permutation.PValue, report.Permutation.Permutations, report.Verdict);
}
