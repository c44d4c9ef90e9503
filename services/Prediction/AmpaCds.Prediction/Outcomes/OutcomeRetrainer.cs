using AmpaCds.Prediction.Model;
using AmpaCds.Prediction.Registry;
using AmpaCds.Prediction.Training;

namespace AmpaCds.Prediction.Outcomes;

/// <summary>Trains a new model version from the outcomes recorded against issued forecasts.</summary>
public static class OutcomeRetrainer
{
    /// <summary>Origin written into the model card of models trained on recorded outcomes (real patients, not synthetic).</summary>
    public const string RecordedOutcomesOrigin = "recorded-outcomes";

    /// <summary>Registers (and optionally activates) the new version; throws <see cref="ArgumentException"/> when the outcomes cannot train a model.</summary>
    public static ResponseModel Retrain(OutcomeStore store, ModelRegistry registry, int seed, bool activate)
    {
        var cohort = store.ToCohort();
        var model = ResponseModelTrainer.Train(cohort, new TrainingOptions
        {
            Seed = seed,
            Trainer = ResponseTrainerKind.LogisticRegression,
            DataOrigin = RecordedOutcomesOrigin,
        });
        registry.Register(model);
        if (activate)
        {
            registry.Activate(model.Version);
        }

        return model;
    }
}
