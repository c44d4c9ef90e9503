namespace AmpaCds.Prediction.Model;

/// <summary>
/// An exploratory forecast: no prediction accuracy has been published for this approach.
/// </summary>
/// <param name="ResponseProbability">Probability of at least 50% MADRS reduction after ketamine.</param>
/// <param name="ExpectedMadrsChangePercent">Expected signed MADRS change in percent; negative is improvement.</param>
/// <param name="ModelVersion">Version of the model that made the forecast.</param>
/// <param name="TrainedOnSyntheticData">True when the model learned from simulated subjects; reports must say so.</param>
public sealed record ResponseForecast(
    double ResponseProbability,
    double ExpectedMadrsChangePercent,
    string ModelVersion,
    bool TrainedOnSyntheticData);
