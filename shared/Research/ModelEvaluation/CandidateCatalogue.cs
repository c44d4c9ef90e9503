using System.Globalization;
using AmpaCds.Prediction.Evaluation;
using AmpaCds.Prediction.Model;
using Microsoft.ML;
using Microsoft.ML.Trainers;
using Microsoft.ML.Trainers.FastTree;
using Microsoft.ML.Trainers.LightGbm;

namespace AmpaCds.Research.ModelEvaluation;

/// <summary>
/// The trainers compared. Every one runs on one thread with the seed, so a comparison is reproducible; the tree
/// sizes are small because cohorts are small (34 in the study) and the true effects are near-linear.
/// </summary>
internal static class CandidateCatalogue
{
    public const string ClinicalBaselineName = "clinical-baseline-logistic";

    public static IReadOnlyList<Candidate> Regional(ComparisonOptions options) =>
    [
        .. options.LogisticL2Grid.Select(l2 => new Candidate(
            $"logistic-l2-{l2.ToString(CultureInfo.InvariantCulture)}", CandidateFeatures.Regional, ml => Logistic(ml, l2), l2)),
        .. options.IncludeTreeModels
            ? new[]
            {
                new Candidate("gam", CandidateFeatures.Regional, ml => Standardise(ml).Append(ml.BinaryClassification.Trainers.Gam(
                    new GamBinaryTrainer.Options
                    {
                        NumberOfIterations = 200, LearningRate = 0.02, MaximumBinCountPerFeature = 32, MinimumExampleCountPerLeaf = 10,
                        NumberOfThreads = 1, Seed = options.Seed,
                    })), null),
                new Candidate("fast-tree", CandidateFeatures.Regional, ml => Standardise(ml).Append(ml.BinaryClassification.Trainers.FastTree(
                    new FastTreeBinaryTrainer.Options
                    {
                        NumberOfTrees = 100, NumberOfLeaves = 8, MinimumExampleCountPerLeaf = 10, LearningRate = 0.05,
                        NumberOfThreads = 1, Seed = options.Seed,
                    })), null),
                new Candidate("lightgbm", CandidateFeatures.Regional, ml => Standardise(ml).Append(ml.BinaryClassification.Trainers.LightGbm(
                    new LightGbmBinaryTrainer.Options
                    {
                        NumberOfIterations = 100, NumberOfLeaves = 8, MinimumExampleCountPerLeaf = 10, LearningRate = 0.05,
                        NumberOfThreads = 1, Seed = options.Seed, Silent = true,
                    })), null),
            }
            : [],
    ];

    /// <summary>Baseline MADRS, age and sex with the middle regularisation of the grid.</summary>
    public static Candidate ClinicalBaseline(ComparisonOptions options) =>
        new(ClinicalBaselineName, CandidateFeatures.Clinical, ml => Logistic(ml, options.LogisticL2Grid[options.LogisticL2Grid.Count / 2]), null);

    public static IEstimator<ITransformer> Logistic(MLContext ml, float l2) =>
        Standardise(ml).Append(ml.BinaryClassification.Trainers.LbfgsLogisticRegression(new LbfgsLogisticRegressionBinaryTrainer.Options
        {
            LabelColumnName = MlSchema.Label,
            FeatureColumnName = MlSchema.Features,
            L2Regularization = l2,
            NumberOfThreads = 1,
        }));

    // Centred as well as scaled: the default (fixZero) only divides, leaving SUVR near 20 SD from zero, which slows L-BFGS
    // to a stop before convergence and leaves the forecasts compressed toward the mean (calibration slope 4.5 measured).
    private static IEstimator<ITransformer> Standardise(MLContext ml) =>
        ml.Transforms.NormalizeMeanVariance(MlSchema.Features, fixZero: false).AppendCacheCheckpoint(ml);
}
