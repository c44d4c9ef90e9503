using AmpaCds.Domain.Cohorts;
using AmpaCds.Prediction.Model;
using AmpaCds.Prediction.Training;
using AmpaCds.Research.Simulation;
using AmpaCds.Research.Synthetic.Cohort;

namespace AmpaCds.Research.ModelEvaluation;

/// <summary>
/// How the shipped default model is made: the default synthetic training cohort (TRD patients given ketamine, default
/// effect model, features as the pipeline measures them) and fixed seeds, so the result is the same on every machine.
/// deploy/train-default-model.sh runs the same recipe through the CLI to produce the artifact Prediction ships; tests
/// and benchmarks use it to train an equivalent model in-process.
/// </summary>
public static class DefaultModelRecipe
{
    public const int DefaultCohortSize = 400;
    public const int DefaultCohortSeed = 20260;
    public const int DefaultTrainingSeed = 1;

    /// <summary>
    /// Logistic regression is named rather than chosen: on this cohort the automatic comparison picks it anyway
    /// (a test checks that), so the model is the same and the FastTree cross-validation is skipped.
    /// </summary>
    public static TrainingOptions DefaultTrainingOptions { get; } = new()
    {
        Seed = DefaultTrainingSeed,
        Trainer = ResponseTrainerKind.LogisticRegression,
        FeatureSource = PartialVolumeSuvrModel.Default.Description,
    };

    /// <summary>
    /// Features as the pipeline measures them (partial-volume model of the simulator's 5 mm PSF on the built-in
    /// atlas), so the studies Quantification reports fall inside the training distribution.
    /// </summary>
    public static IReadOnlyList<CohortRow> DefaultTrainingCohort() =>
        CohortRows.FromSubjects(
            CohortSimulator.Simulate(DefaultCohortSize, DefaultCohortSeed, CohortOptions.KetamineTraining), PartialVolumeSuvrModel.Default);

    public static ResponseModel TrainDefaultModel() => ResponseModelTrainer.Train(DefaultTrainingCohort(), DefaultTrainingOptions);
}
