using System.Globalization;
using AmpaCds.Domain.Cohorts;
using AmpaCds.Prediction.Ensemble;
using AmpaCds.Prediction.Evaluation;
using AmpaCds.Prediction.Model;
using Microsoft.ML;

namespace AmpaCds.Prediction.Training;

/// <summary>
/// Trains the response model on TRD patients of the ketamine arm: cross-validates the candidate trainers, keeps
/// the one with the higher AUC (or the one asked for), then fits it on all rows. Deterministic for a seed.
/// </summary>
public static class ResponseModelTrainer
{
    private const string VersionPrefix = "k2-response-";
    private const int MinimumTrainingPatients = 20;

    /// <param name="evaluation">What a comparison of the same cohort found, to record in the model card (`ampacds model train`).</param>
    public static ResponseModel Train(IReadOnlyList<CohortRow> cohort, TrainingOptions? options = null, ModelEvaluationSummary? evaluation = null)
    {
        options ??= new TrainingOptions();
        var set = TrainingSet.From(cohort, options);
        if (set.Rows.Count < MinimumTrainingPatients || set.Rows.All(r => r.Label) || set.Rows.All(r => !r.Label))
        {
            throw new ArgumentException(
                $"Training needs at least {MinimumTrainingPatients} TRD ketamine-arm patients with both responders and non-responders; got {set.Rows.Count}.",
                nameof(cohort));
        }

        var candidates = options.Trainer == ResponseTrainerKind.Auto
            ? [ResponseTrainerKind.LogisticRegression, ResponseTrainerKind.FastTree]
            : new[] { options.Trainer };
        var figures = candidates.ToDictionary(kind => kind, kind => CrossValidate(set, kind, options));
        // Ties go to the first candidate, the simpler logistic regression.
        var chosen = candidates.OrderByDescending(kind => figures[kind].Auc).First();

        // A fresh context, so the final fit does not depend on how many random draws cross-validation used.
        var ml = new MLContext(options.Seed);
        var data = MlSchema.Load(ml, set.Rows, set.Layout.Count);
        var transformer = ResponsePipelines.Combined(ml, chosen, options).Fit(data);
        var ensemble = chosen == ResponseTrainerKind.LogisticRegression && options.BootstrapMembers > 0 ? EnsembleTrainer.Fit(set, options) : null;
        var card = Card(set, options, chosen, figures) with
        {
            CalibrationMethod = ensemble is null ? "none" : ForecastEnsemble.CalibrationMethod,
            BootstrapMembers = ensemble?.Members.Count ?? 0,
            GlobalImportance = ensemble?.GlobalImportance() ?? new Dictionary<string, double>(),
            Evaluation = evaluation,
        };
        return new ResponseModel(ml, transformer, data.Schema, card, options.Ranges, ensemble);
    }

    private static CrossValidationFigures CrossValidate(TrainingSet set, ResponseTrainerKind kind, TrainingOptions options)
    {
        var ml = new MLContext(options.Seed);
        var data = MlSchema.Load(ml, set.Rows, set.Layout.Count);
        var folds = options.CrossValidationFolds;
        var regression = ml.Regression.CrossValidate(
            data, ResponsePipelines.Regressor(ml, kind, options), folds, MlSchema.MadrsChangePercent, seed: options.Seed);
        return new CrossValidationFigures(
            StratifiedAuc(set, kind, options),
            regression.Average(fold => fold.Metrics.RSquared),
            regression.Average(fold => fold.Metrics.MeanAbsoluteError));
    }

    /// <summary>
    /// AUC of out-of-fold probabilities pooled over stratified folds. ML.NET's own cross-validation splits at random and
    /// fails on small cohorts when a fold happens to hold no responder (34 patients with 6 responders do that).
    /// </summary>
    private static double StratifiedAuc(TrainingSet set, ResponseTrainerKind kind, TrainingOptions options)
    {
        var candidate = new Candidate(ResponsePipelines.ClassifierName(kind), CandidateFeatures.Regional,
            ml => ResponsePipelines.Classifier(ml, kind, options), null);
        var evaluation = new EvaluationSet(
            set.Rows.Select(row => new EvaluationRow(row.Features, [], row.Label, row.MadrsChangePercent)).ToList(), set.Layout, set.DataHash);
        var everyone = Enumerable.Range(0, set.Rows.Count).ToArray();
        var scores = FoldScorer.CrossValidate(evaluation, candidate, everyone, options.CrossValidationFolds, options.Seed);
        return BinaryMetrics.Auc(scores, evaluation.Labels);
    }

    private static ModelCard Card(
        TrainingSet set, TrainingOptions options, ResponseTrainerKind chosen, IReadOnlyDictionary<ResponseTrainerKind, CrossValidationFigures> figures)
    {
        var fingerprint = TrainingSet.Sha256Hex(string.Join('|',
            set.DataHash, chosen, options.Seed, options.CrossValidationFolds, options.L2Regularization, options.RegressionL2Regularization,
            options.FastTreeNumberOfTrees, options.FastTreeNumberOfLeaves, options.FastTreeMinimumExamplesPerLeaf, options.FastTreeLearningRate,
            options.DataOrigin, options.Outcome.ResponseMinimumReductionPercent, options.BootstrapMembers, options.FeatureSource)
            + PartialVolumeFingerprint(options));
        var synthetic = options.DataOrigin == ModelCard.SyntheticOrigin;
        return new ModelCard
        {
            Version = $"{VersionPrefix}{options.ModelSemanticVersion}+{fingerprint[..8]}",
            TrainingDataHash = set.DataHash,
            CohortSize = set.Rows.Count,
            ResponderShare = set.ResponderShare,
            Origin = options.DataOrigin,
            Trainer = ResponsePipelines.ClassifierName(chosen),
            RegressionTrainer = ResponsePipelines.RegressorName(chosen),
            CrossValidatedAuc = figures[chosen].Auc,
            CandidateCrossValidatedAuc = figures.ToDictionary(kv => ResponsePipelines.ClassifierName(kv.Key), kv => kv.Value.Auc),
            CrossValidatedMadrsChangeR2 = figures[chosen].MadrsChangeR2,
            CrossValidatedMadrsChangeMae = figures[chosen].MadrsChangeMae,
            CrossValidationFolds = options.CrossValidationFolds,
            Seed = options.Seed,
            TrainedAtUtc = options.Clock.GetUtcNow(),
            FeatureNames = set.Layout.FeatureNames,
            ResponseDefinition = $"MADRS reduction of at least {options.Outcome.ResponseMinimumReductionPercent.ToString(CultureInfo.InvariantCulture)}% from baseline after ketamine",
            SuvrReference = "whole brain, voxel-weighted",
            FeatureSource = options.FeatureSource,
            Provenance = options.Provenance,
            PartialVolumeCorrection = options.PartialVolumeCorrection,
            PartialVolumeFwhmMm = options.PartialVolumeFwhmMm,
            IntendedUse = synthetic
                ? "exploratory; trained on synthetic data; no published accuracy"
                : "exploratory; no published accuracy",
        };
    }

    /// <summary>
    /// Empty without a correction, so uncorrected models keep the versions they had before the fields existed (the
    /// shipped default's among them); a corrected model is a different model and gets a different version.
    /// </summary>
    private static string PartialVolumeFingerprint(TrainingOptions options) =>
        options.PartialVolumeCorrection is null or "none"
            ? ""
            : string.Create(CultureInfo.InvariantCulture, $"|pvc {options.PartialVolumeCorrection} {options.PartialVolumeFwhmMm}");
}
