using AmpaCds.Domain.Clinical;
using AmpaCds.Domain.Regions;
using AmpaCds.Prediction.Features;
using AmpaCds.Prediction.Model;

namespace AmpaCds.Prediction.Training;

/// <summary>How a response model is trained. Defaults favour a small, regularised, deterministic model.</summary>
public sealed record TrainingOptions
{
    public int Seed { get; init; } = 1;

    /// <summary>Adds age and baseline MADRS to the regional SUVR; forecasts then require <see cref="PatientCovariates"/>.</summary>
    public bool IncludeCovariates { get; init; }

    public ResponseTrainerKind Trainer { get; init; } = ResponseTrainerKind.Auto;

    public int CrossValidationFolds { get; init; } = 5;

    /// <summary>
    /// Bootstrap refits behind the 90% intervals of logistic-regression models (0 = no ensemble, no intervals).
    /// Modest by default so that the service's first start (which trains the default model) stays a few seconds.
    /// </summary>
    public int BootstrapMembers { get; init; } = 50;

    /// <summary>L2 penalty of the logistic regression (ML.NET scales it against the summed loss).</summary>
    public float L2Regularization { get; init; } = 1.0f;

    /// <summary>L2 penalty of the linear (SDCA) regression, which scales it against the mean loss; null lets ML.NET choose.</summary>
    public float? RegressionL2Regularization { get; init; } = 0.01f;

    public int FastTreeNumberOfTrees { get; init; } = 100;
    public int FastTreeNumberOfLeaves { get; init; } = 8;
    public int FastTreeMinimumExamplesPerLeaf { get; init; } = 10;
    public double FastTreeLearningRate { get; init; } = 0.05;

    /// <summary>Defines a responder (default: at least 50% MADRS reduction).</summary>
    public OutcomeCriteria Outcome { get; init; } = OutcomeCriteria.Default;

    public IReadOnlyList<string> Regions { get; init; } = RegionIds.All;

    /// <summary>"synthetic" for simulated cohorts; a site training on its own patients sets its own label.</summary>
    public string DataOrigin { get; init; } = ModelCard.SyntheticOrigin;

    public string ModelSemanticVersion { get; init; } = "1.0.0";

    /// <summary>How the cohort's SUVR features were obtained, written into the model card (null: not stated).</summary>
    public string? FeatureSource { get; init; }

    /// <summary>How the training cohort was made and the command that trained the model, for the card; not part of the fingerprint.</summary>
    public string? Provenance { get; init; }

    /// <summary>
    /// "none", "gtm" or "rbv": the partial-volume correction the cohort's SUVR stand for, written into the card so that
    /// Prediction refuses studies measured another way (null: not stated, read as none).
    /// </summary>
    public string? PartialVolumeCorrection { get; init; }

    /// <summary>The resolution (mm FWHM) that correction assumed; null without correction.</summary>
    public double? PartialVolumeFwhmMm { get; init; }

    public PlausibleRanges Ranges { get; init; } = PlausibleRanges.Default;

    /// <summary>Source of the training date in the model card (replace in tests for a fixed date).</summary>
    public TimeProvider Clock { get; init; } = TimeProvider.System;
}
