using AmpaCds.Prediction.Model;
using Microsoft.ML;
using Microsoft.ML.Trainers;
using Microsoft.ML.Trainers.FastTree;

namespace AmpaCds.Prediction.Training;

/// <summary>
/// The ML.NET estimators. Every trainer runs on one thread so that a seed fixes the result exactly.
/// Features are standardised first: the linear models need it and the trees are indifferent to it.
/// </summary>
internal static class ResponsePipelines
{
    public const string LogisticRegressionName = "lbfgs-logistic-regression";
    public const string FastTreeName = "fast-tree";
    public const string SdcaRegressionName = "sdca-linear-regression";
    public const string FastTreeRegressionName = "fast-tree-regression";

    public static IEstimator<ITransformer> Classifier(MLContext ml, ResponseTrainerKind kind, TrainingOptions options) =>
        Standardise(ml).Append(ClassifierTrainer(ml, kind, options));

    public static IEstimator<ITransformer> Regressor(MLContext ml, ResponseTrainerKind kind, TrainingOptions options) =>
        Standardise(ml).Append(RegressionTrainer(ml, kind, options));

    /// <summary>Both models in one transformer: the probability is copied aside before the regressor writes its Score.</summary>
    public static IEstimator<ITransformer> Combined(MLContext ml, ResponseTrainerKind kind, TrainingOptions options) =>
        Standardise(ml)
            .Append(ClassifierTrainer(ml, kind, options))
            .Append(ml.Transforms.CopyColumns(MlSchema.ResponseProbability, "Probability"))
            .Append(ml.Transforms.DropColumns("Score", "Probability", "PredictedLabel"))
            .Append(RegressionTrainer(ml, kind, options));

    public static string ClassifierName(ResponseTrainerKind kind) => kind == ResponseTrainerKind.FastTree ? FastTreeName : LogisticRegressionName;

    public static string RegressorName(ResponseTrainerKind kind) => kind == ResponseTrainerKind.FastTree ? FastTreeRegressionName : SdcaRegressionName;

    // The cache keeps the standardised rows in memory; without it every optimiser pass re-runs the normaliser (10x slower).
    // Centred, not only scaled (fixZero: false): uncentred SUVR sits ~20 SD from zero and L-BFGS stops before converging.
    private static IEstimator<ITransformer> Standardise(MLContext ml) =>
        ml.Transforms.NormalizeMeanVariance(MlSchema.Features, fixZero: false).AppendCacheCheckpoint(ml);

    private static IEstimator<ITransformer> ClassifierTrainer(MLContext ml, ResponseTrainerKind kind, TrainingOptions options) => kind switch
    {
        ResponseTrainerKind.FastTree => ml.BinaryClassification.Trainers.FastTree(new FastTreeBinaryTrainer.Options
        {
            LabelColumnName = MlSchema.Label,
            FeatureColumnName = MlSchema.Features,
            NumberOfTrees = options.FastTreeNumberOfTrees,
            NumberOfLeaves = options.FastTreeNumberOfLeaves,
            MinimumExampleCountPerLeaf = options.FastTreeMinimumExamplesPerLeaf,
            LearningRate = options.FastTreeLearningRate,
            NumberOfThreads = 1,
            Seed = options.Seed,
        }),
        _ => ml.BinaryClassification.Trainers.LbfgsLogisticRegression(new LbfgsLogisticRegressionBinaryTrainer.Options
        {
            LabelColumnName = MlSchema.Label,
            FeatureColumnName = MlSchema.Features,
            L2Regularization = options.L2Regularization,
            NumberOfThreads = 1,
        }),
    };

    private static IEstimator<ITransformer> RegressionTrainer(MLContext ml, ResponseTrainerKind kind, TrainingOptions options) => kind switch
    {
        ResponseTrainerKind.FastTree => ml.Regression.Trainers.FastTree(new FastTreeRegressionTrainer.Options
        {
            LabelColumnName = MlSchema.MadrsChangePercent,
            FeatureColumnName = MlSchema.Features,
            NumberOfTrees = options.FastTreeNumberOfTrees,
            NumberOfLeaves = options.FastTreeNumberOfLeaves,
            MinimumExampleCountPerLeaf = options.FastTreeMinimumExamplesPerLeaf,
            LearningRate = options.FastTreeLearningRate,
            NumberOfThreads = 1,
            Seed = options.Seed,
        }),
        _ => ml.Regression.Trainers.Sdca(new SdcaRegressionTrainer.Options
        {
            LabelColumnName = MlSchema.MadrsChangePercent,
            FeatureColumnName = MlSchema.Features,
            L2Regularization = options.RegressionL2Regularization,
            NumberOfThreads = 1,
        }),
    };
}
