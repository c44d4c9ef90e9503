using AmpaCds.Prediction.Model;

namespace AmpaCds.Research.ModelEvaluation;

public static class ModelComparisonReportExtensions
{
    /// <summary>What the model card records of a comparison: the nested estimate and the permutation test.</summary>
    public static ModelEvaluationSummary ToEvaluationSummary(this ModelComparisonReport report) => new(
        report.Scheme, report.Nested.Auc, report.Nested.BalancedAccuracy, report.Nested.Brier, report.Nested.CalibrationSlope,
        report.ClinicalBaseline.Metrics.Auc.Value, report.Permutation.PValue, report.Permutation.Permutations, report.Verdict);
}
