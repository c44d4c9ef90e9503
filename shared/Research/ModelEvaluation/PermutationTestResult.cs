using AmpaCds.Prediction.Evaluation;

namespace AmpaCds.Research.ModelEvaluation;

/// <summary>
/// Cross-validated AUC of <paramref name="Candidate"/> with the true labels against the same procedure on
/// shuffled labels. P = (1 + permutations at least as good) / (1 + permutations).
/// </summary>
public sealed record PermutationTestResult(string Candidate, double ObservedAuc, int Permutations, double NullMeanAuc, double NullAuc95thPercentile, double PValue);
