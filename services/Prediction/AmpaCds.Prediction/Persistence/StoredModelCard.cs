using AmpaCds.Prediction.Model;

namespace AmpaCds.Prediction.Persistence;

/// <summary>
/// What ModelVersions.Card stores about a model: the fields the API lists, copied out of the <see cref="ModelCard"/>
/// so that a change to ModelCard (or to prediction.proto) does not silently change what is on disk.
/// The full card stays in model-card.json beside the model.
/// </summary>
public sealed record StoredModelCard(
    string Version,
    string Origin,
    bool TrainedOnSyntheticData,
    string Trainer,
    string RegressionTrainer,
    int CohortSize,
    double ResponderShare,
    double CrossValidatedAuc,
    string TrainingDataHash,
    DateTimeOffset TrainedAtUtc,
    string CalibrationMethod,
    int BootstrapMembers,
    IReadOnlyList<string> FeatureNames,
    string Summary)
{
    public static StoredModelCard From(ModelCard card)
    {
        ArgumentNullException.ThrowIfNull(card);
        return new StoredModelCard(card.Version, card.Origin, card.TrainedOnSyntheticData, card.Trainer, card.RegressionTrainer,
            card.CohortSize, card.ResponderShare, card.CrossValidatedAuc, card.TrainingDataHash, card.TrainedAtUtc,
            card.CalibrationMethod, card.BootstrapMembers, [.. card.FeatureNames], card.Summary);
    }
}
