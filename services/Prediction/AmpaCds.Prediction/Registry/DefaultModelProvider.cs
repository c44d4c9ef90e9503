using AmpaCds.Simulation;
using AmpaCds.Synthetic;

namespace AmpaCds.Prediction;

/// <summary>
/// Makes sure a registry has an active model. Without one it simulates the default synthetic training cohort
/// (TRD patients given ketamine, default effect model), trains, registers and activates a model. The result is
/// the same on every machine because the cohort seed and the training seed are fixed.
/// </summary>
public static class DefaultModelProvider
{
    public const int DefaultCohortSize = 400;
    public const int DefaultCohortSeed = 20260;
    public const int DefaultTrainingSeed = 1;

    private static readonly Lock EnsureLock = new();

    public static ResponseModel EnsureModel(string registryDirectory)
    {
        // Serialises concurrent starts within one process; separate processes should share one registry writer.
        lock (EnsureLock)
        {
            var registry = new ModelRegistry(registryDirectory);
            if (registry.ActiveVersion is not null)
            {
                return registry.LoadActive();
            }

            var model = TrainDefaultModel();
            registry.Register(model);
            registry.Activate(model.Version);
            return model;
        }
    }

    /// <summary>
    /// Logistic regression is named rather than chosen: on this cohort the automatic comparison picks it anyway
    /// (a test checks that), so the model is the same, and skipping the FastTree cross-validation saves several
    /// seconds of cold start.
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
        CohortRow.FromSubjects(
            CohortSimulator.Simulate(DefaultCohortSize, DefaultCohortSeed, CohortOptions.KetamineTraining), PartialVolumeSuvrModel.Default);

    public static ResponseModel TrainDefaultModel() => ResponseModelTrainer.Train(DefaultTrainingCohort(), DefaultTrainingOptions);
}
