using AmpaCds.Prediction.Evaluation;

namespace AmpaCds.Research.ModelEvaluation;

/// <summary>
/// What the comparison found. <see cref="Nested"/> is the honest estimate of the whole procedure (choose a trainer by
/// inner cross-validation, fit, forecast unseen patients); <see cref="Candidates"/> are each trainer on the outer folds.
/// </summary>
public sealed record ModelComparisonReport
{
    public const string NoDemonstratedSkill = "no demonstrated skill";
    public const string DemonstratedSkill = "demonstrated skill";

    public required int CohortSize { get; init; }
    public required double ResponderShare { get; init; }
    public required string TrainingDataHash { get; init; }

    /// <summary>"nested 5x3-fold" or "leave-one-out (outer) with 3-fold inner".</summary>
    public required string Scheme { get; init; }

    public required int Seed { get; init; }
    public required MetricSummary Nested { get; init; }

    /// <summary>The trainer the inner cross-validation chose in each outer fold.</summary>
    public required IReadOnlyList<string> SelectedPerOuterFold { get; init; }

    public required IReadOnlyList<CandidateResult> Candidates { get; init; }
    public required CandidateResult ClinicalBaseline { get; init; }

    /// <summary>Nested AUC minus the clinical baseline's AUC, paired over patients.</summary>
    public required MetricEstimate AucGainOverClinicalBaseline { get; init; }

    /// <summary>Best candidate by outer-fold AUC.</summary>
    public required string Best { get; init; }

    /// <summary>Best regularised logistic regression: the model the service deploys (exact contributions, microsecond scoring).</summary>
    public required string Deployed { get; init; }

    public required float DeployedL2 { get; init; }
    public required PermutationTestResult Permutation { get; init; }

    /// <summary>Skill needs both: the permutation test rejects at alpha and the nested AUC interval lies above 0.5.</summary>
    public required bool HasDemonstratedSkill { get; init; }

    public string Verdict => HasDemonstratedSkill ? DemonstratedSkill : NoDemonstratedSkill;

    public required TimeSpan Duration { get; init; }
}
