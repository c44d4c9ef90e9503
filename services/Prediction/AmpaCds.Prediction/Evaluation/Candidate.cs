using Microsoft.ML;

namespace AmpaCds.Prediction.Evaluation;

/// <summary>
/// One trainer configuration in the comparison. <paramref name="LogisticL2"/> is set for the regularised logistic
/// regressions, the only family the service deploys (its weights give exact per-patient contributions).
/// </summary>
internal sealed record Candidate(string Name, CandidateFeatures Features, Func<MLContext, IEstimator<ITransformer>> Build, float? LogisticL2)
{
    public bool IsDeployable => LogisticL2 is not null && Features == CandidateFeatures.Regional;
}
