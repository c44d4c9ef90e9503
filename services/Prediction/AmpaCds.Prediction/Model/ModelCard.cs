namespace AmpaCds.Prediction.Model;

/// <summary>What a model is, what it was trained on and how well it did in cross-validation; saved as model-card.json.</summary>
public sealed record ModelCard
{
    public const string SyntheticOrigin = "synthetic";

    /// <summary>How the training SUVR were obtained (e.g. as the pipeline measures them); absent on older cards.</summary>
    public string? FeatureSource { get; init; }

    /// <summary>"k2-response-&lt;semver&gt;+&lt;first 8 hex of the training fingerprint (data and options)&gt;".</summary>
    public required string Version { get; init; }

    /// <summary>SHA-256 (hex) over the training rows' features and outcomes, in order.</summary>
    public required string TrainingDataHash { get; init; }

    /// <summary>Number of training patients (TRD, ketamine arm, with an outcome).</summary>
    public required int CohortSize { get; init; }

    public required double ResponderShare { get; init; }

    /// <summary>"synthetic" for simulated cohorts; otherwise the site's label for its data.</summary>
    public required string Origin { get; init; }

    public required string Trainer { get; init; }
    public required string RegressionTrainer { get; init; }

    /// <summary>AUC of the chosen classifier's out-of-fold probabilities, pooled over stratified folds.</summary>
    public required double CrossValidatedAuc { get; init; }

    /// <summary>Cross-validated AUC of every candidate trainer that was compared.</summary>
    public required IReadOnlyDictionary<string, double> CandidateCrossValidatedAuc { get; init; }

    public required double CrossValidatedMadrsChangeR2 { get; init; }
    public required double CrossValidatedMadrsChangeMae { get; init; }
    public required int CrossValidationFolds { get; init; }
    public required int Seed { get; init; }
    public required DateTimeOffset TrainedAtUtc { get; init; }
    public required IReadOnlyList<string> FeatureNames { get; init; }
    public required string ResponseDefinition { get; init; }
    public required string SuvrReference { get; init; }
    public required string IntendedUse { get; init; }

    /// <summary>"platt (out-of-fold logits)" for logistic-regression models with an ensemble, otherwise "none".</summary>
    public string CalibrationMethod { get; init; } = "none";

    /// <summary>Bootstrap refits behind the forecast intervals; 0 = no intervals.</summary>
    public int BootstrapMembers { get; init; }

    /// <summary>Share of the absolute standardised weight per feature, largest first; empty for tree models.</summary>
    public IReadOnlyDictionary<string, double> GlobalImportance { get; init; } = new Dictionary<string, double>();

    /// <summary>Nested cross-validation and permutation test of the training procedure, when one was run (`ampacds model train`).</summary>
    public ModelEvaluationSummary? Evaluation { get; init; }

    /// <summary>How the training cohort was made (origin, seed, size) and the command that trained the model; absent on older cards.</summary>
    public string? Provenance { get; init; }

    /// <summary>
    /// "none", "gtm" or "rbv": the partial-volume correction the training SUVR went through (absent on older cards: none).
    /// A study measured under another correction is refused (<see cref="Service.ForecastHandler"/>).
    /// </summary>
    public string? PartialVolumeCorrection { get; init; }

    /// <summary>The scanner resolution (mm FWHM) that correction assumed; null without correction.</summary>
    public double? PartialVolumeFwhmMm { get; init; }

    public bool TrainedOnSyntheticData => Origin == SyntheticOrigin;

    /// <summary>One line for a report: version, data, validated skill and intended use.</summary>
    public string Summary => ModelCardSummary.Describe(this);
}
