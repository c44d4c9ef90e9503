using AmpaCds.Domain.Cohorts;
using AmpaCds.Imaging.PartialVolume;
using AmpaCds.Prediction.Model;
using AmpaCds.Prediction.Training;
using AmpaCds.Research.Simulation;
using AmpaCds.Research.Synthetic.Cohort;

namespace AmpaCds.Research.ModelEvaluation;

/// <summary>
/// How the shipped default models are made: the default synthetic training cohort (TRD patients given ketamine, default
/// effect model, features as the pipeline measures them, uncorrected or under GTM) and fixed seeds, so the result is the
/// same on every machine. deploy/train-default-model.sh runs the same recipe through the CLI to produce the artifacts
/// Prediction ships; tests and benchmarks use it to train an equivalent model in-process.
/// </summary>
public static class DefaultModelRecipe
{
    public const int DefaultCohortSize = 400;
    public const int DefaultCohortSeed = 20260;
    public const int DefaultTrainingSeed = 1;

    /// <summary>The resolution the shipped GTM model assumes: Quantification's default PartialVolume:FwhmMm.</summary>
    public const double GtmFwhmMm = 5.0;

    /// <summary>
    /// Logistic regression is named rather than chosen: on this cohort the automatic comparison picks it anyway
    /// (a test checks that), so the model is the same and the FastTree cross-validation is skipped.
    /// </summary>
    public static TrainingOptions DefaultTrainingOptions { get; } = TrainingOptionsFor(PartialVolumeMethod.None);

    /// <summary>
    /// The uncorrected recipe leaves the card's correction unstated (absent = none), as the shipped artifact was trained;
    /// the GTM one records gtm at <see cref="GtmFwhmMm"/>.
    /// </summary>
    public static TrainingOptions TrainingOptionsFor(PartialVolumeMethod correction) => new()
    {
        Seed = DefaultTrainingSeed,
        Trainer = ResponseTrainerKind.LogisticRegression,
        FeatureSource = MeasuredSuvrModels.For(correction).Description,
        PartialVolumeCorrection = correction == PartialVolumeMethod.None ? null : correction.Name(),
        PartialVolumeFwhmMm = correction == PartialVolumeMethod.None ? null : GtmFwhmMm,
    };

    /// <summary>
    /// Features as the pipeline measures them (partial-volume model of the simulator's 5 mm PSF on the built-in
    /// atlas), so the studies Quantification reports fall inside the training distribution.
    /// </summary>
    public static IReadOnlyList<CohortRow> DefaultTrainingCohort() => TrainingCohort(PartialVolumeMethod.None);

    /// <summary>The same subjects, with the features a study measured under <paramref name="correction"/> shows.</summary>
    public static IReadOnlyList<CohortRow> TrainingCohort(PartialVolumeMethod correction) =>
        CohortRows.FromSubjects(
            CohortSimulator.Simulate(DefaultCohortSize, DefaultCohortSeed, CohortOptions.KetamineTraining), MeasuredSuvrModels.For(correction));

    public static ResponseModel TrainDefaultModel() => TrainModel(PartialVolumeMethod.None);

    public static ResponseModel TrainModel(PartialVolumeMethod correction) =>
        ResponseModelTrainer.Train(TrainingCohort(correction), TrainingOptionsFor(correction));
}
