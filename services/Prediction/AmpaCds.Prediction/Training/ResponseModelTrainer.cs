using System.Globalization;
using AmpaCds.Synthetic;
using Microsoft.ML;

namespace AmpaCds.Prediction;

/// <summary>
/// Trains the response model on TRD patients of the ketamine arm: cross-validates the candidate trainers, keeps
/// the one with the higher AUC (or the one asked for), then fits it on all rows. Deterministic for a seed.
/// </summary>
public static class ResponseModelTrainer
{
    private const string VersionPrefix = "k2-response-";
    private const int MinimumTrainingPatients = 20;

    public static ResponseModel Train(IReadOnlyList<CohortRow> cohort, TrainingOptions? options = null)
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
        var card = Card(set, options, chosen, figures);
        return new ResponseModel(ml, transformer, data.Schema, card, options.Ranges);
    }

    private static CrossValidationFigures CrossValidate(TrainingSet set, ResponseTrainerKind kind, TrainingOptions options)
    {
        var ml = new MLContext(options.Seed);
        var data = MlSchema.Load(ml, set.Rows, set.Layout.Count);
        var folds = options.CrossValidationFolds;
        var classification = ml.BinaryClassification.CrossValidate(
            data, ResponsePipelines.Classifier(ml, kind, options), folds, MlSchema.Label, seed: options.Seed);
        var regression = ml.Regression.CrossValidate(
            data, ResponsePipelines.Regressor(ml, kind, options), folds, MlSchema.MadrsChangePercent, seed: options.Seed);
        return new CrossValidationFigures(
            classification.Average(fold => fold.Metrics.AreaUnderRocCurve),
            regression.Average(fold => fold.Metrics.RSquared),
            regression.Average(fold => fold.Metrics.MeanAbsoluteError));
    }

    private static ModelCard Card(
        TrainingSet set, TrainingOptions options, ResponseTrainerKind chosen, IReadOnlyDictionary<ResponseTrainerKind, CrossValidationFigures> figures)
    {
        var fingerprint = TrainingSet.Sha256Hex(string.Join('|',
            set.DataHash, chosen, options.Seed, options.CrossValidationFolds, options.L2Regularization, options.RegressionL2Regularization,
            options.FastTreeNumberOfTrees, options.FastTreeNumberOfLeaves, options.FastTreeMinimumExamplesPerLeaf, options.FastTreeLearningRate,
            options.DataOrigin, options.Outcome.ResponseMinimumReductionPercent));
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
            IntendedUse = synthetic
                ? "exploratory; trained on synthetic data; no published accuracy"
                : "exploratory; no published accuracy",
        };
    }
}
