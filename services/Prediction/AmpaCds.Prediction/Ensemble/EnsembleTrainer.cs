using AmpaCds.Prediction.Evaluation;
using AmpaCds.Prediction.Model;
using AmpaCds.Prediction.Training;
using Microsoft.ML;
using Microsoft.ML.Calibrators;
using Microsoft.ML.Data;
using Microsoft.ML.Trainers;

namespace AmpaCds.Prediction.Ensemble;

/// <summary>
/// Fits the deployed logistic-regression model with ML.NET and lifts out its weights: the full-data fit, Platt
/// calibration on out-of-fold logits, and a seeded bootstrap ensemble for the intervals. Deterministic for a seed.
/// </summary>
internal static class EnsembleTrainer
{
    public static ForecastEnsemble Fit(TrainingSet set, TrainingOptions options)
    {
        var (means, deviations) = Moments(set);
        var standardised = set.Rows.Select(row => Standardise(row, means, deviations)).ToArray();
        var everyone = Enumerable.Range(0, standardised.Length).ToArray();
        var classifier = FitClassifier(standardised, everyone, options);
        var regressor = FitRegressor(standardised, everyone, options);

        var labels = standardised.Select(row => row.Label).ToArray();
        var folds = FoldSplitter.Assign(labels, Math.Min(options.CrossValidationFolds, labels.Length), options.Seed);
        var outOfFoldLogits = new double[standardised.Length];
        for (var fold = 0; fold <= folds.Max(); fold++)
        {
            var (train, test) = FoldSplitter.Split(folds, fold);
            var foldClassifier = FitClassifier(standardised, train, options);
            foreach (var i in test)
            {
                outOfFoldLogits[i] = foldClassifier.Score(Array.ConvertAll(standardised[i].Features, v => (double)v));
            }
        }

        var calibration = LogisticRecalibration.Fit(outOfFoldLogits, labels);
        var random = new Random(unchecked(options.Seed * 31 + 7));
        var members = new List<EnsembleMember>(options.BootstrapMembers);
        while (members.Count < options.BootstrapMembers)
        {
            var sample = Enumerable.Range(0, standardised.Length).Select(_ => random.Next(standardised.Length)).ToArray();
            // A resample with one class cannot train a classifier; draw again (rare for any usable cohort).
            if (sample.All(i => labels[i]) || sample.All(i => !labels[i]))
            {
                continue;
            }

            members.Add(new EnsembleMember(FitClassifier(standardised, sample, options), FitRegressor(standardised, sample, options)));
        }

        return new ForecastEnsemble(set.Layout.FeatureNames, means, deviations, classifier, regressor, calibration, members);
    }

    private static LinearWeights FitClassifier(ModelInput[] rows, int[] indices, TrainingOptions options)
    {
        var ml = new MLContext(options.Seed);
        var model = ml.BinaryClassification.Trainers.LbfgsLogisticRegression(new LbfgsLogisticRegressionBinaryTrainer.Options
        {
            LabelColumnName = MlSchema.Label,
            FeatureColumnName = MlSchema.Features,
            L2Regularization = options.L2Regularization,
            NumberOfThreads = 1,
        }).Fit(Load(ml, rows, indices)).Model.SubModel;
        return new LinearWeights([.. model.Weights], model.Bias);
    }

    private static LinearWeights FitRegressor(ModelInput[] rows, int[] indices, TrainingOptions options)
    {
        var ml = new MLContext(options.Seed);
        var model = ml.Regression.Trainers.Sdca(new SdcaRegressionTrainer.Options
        {
            LabelColumnName = MlSchema.MadrsChangePercent,
            FeatureColumnName = MlSchema.Features,
            L2Regularization = options.RegressionL2Regularization,
            NumberOfThreads = 1,
        }).Fit(Load(ml, rows, indices)).Model;
        return new LinearWeights([.. model.Weights], model.Bias);
    }

    private static IDataView Load(MLContext ml, ModelInput[] rows, int[] indices) =>
        MlSchema.Load(ml, indices.Select(i => rows[i]), rows[0].Features.Length);

    private static (double[] Means, double[] Deviations) Moments(TrainingSet set)
    {
        var width = set.Layout.Count;
        var means = new double[width];
        var deviations = new double[width];
        for (var i = 0; i < width; i++)
        {
            var column = set.Rows.Select(row => (double)row.Features[i]).ToArray();
            means[i] = column.Average();
            var sd = Math.Sqrt(column.Sum(v => (v - means[i]) * (v - means[i])) / Math.Max(1, column.Length - 1));
            // A constant feature carries nothing; dividing by 1 keeps its z at 0 instead of NaN.
            deviations[i] = sd > 0 ? sd : 1;
        }

        return (means, deviations);
    }

    private static ModelInput Standardise(ModelInput row, double[] means, double[] deviations) => new()
    {
        Features = row.Features.Select((v, i) => (float)((v - means[i]) / deviations[i])).ToArray(),
        Label = row.Label,
        MadrsChangePercent = row.MadrsChangePercent,
    };
}
