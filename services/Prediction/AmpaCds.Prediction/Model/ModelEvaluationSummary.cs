using AmpaCds.Prediction.Evaluation;

namespace AmpaCds.Prediction.Model;

/// <summary>
/// The model card's copy of a nested cross-validated comparison (made by the research tooling, `ampacds model train`):
/// how well the procedure did on unseen patients, and the permutation test of its skill.
/// </summary>
public sealed record ModelEvaluationSummary(
    string Scheme,
    MetricEstimate Auc,
    MetricEstimate BalancedAccuracy,
    MetricEstimate Brier,
    MetricEstimate CalibrationSlope,
    double ClinicalBaselineAuc,
    double PermutationPValue,
    int Permutations,
    string Verdict);
