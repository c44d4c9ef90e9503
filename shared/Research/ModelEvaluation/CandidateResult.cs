using AmpaCds.Prediction.Evaluation;

namespace AmpaCds.Research.ModelEvaluation;

/// <summary>One trainer's cross-validated performance on the outer folds.</summary>
public sealed record CandidateResult(string Name, CandidateFeatures Features, MetricSummary Metrics);
