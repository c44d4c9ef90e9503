using AmpaCds.Domain.Cohorts;
using AmpaCds.Prediction.Model;
using AmpaCds.Prediction.Training;

namespace AmpaCds.Prediction.Outcomes;

/// <summary>Trains a new model version from the outcomes recorded against issued forecasts.</summary>
public static class OutcomeRetrainer
{
    /// <summary>Origin written into the model card of models trained on recorded outcomes (real patients, not synthetic).</summary>
    public const string RecordedOutcomesOrigin = "recorded-outcomes";

    /// <summary>The trained (not yet registered) model; throws <see cref="ArgumentException"/> when the outcomes cannot train one.</summary>
    public static ResponseModel Train(IReadOnlyList<CohortRow> cohort, int seed) =>
        ResponseModelTrainer.Train(cohort, new TrainingOptions
        {
            Seed = seed,
            Trainer = ResponseTrainerKind.LogisticRegression,
            DataOrigin = RecordedOutcomesOrigin,
        });
}
