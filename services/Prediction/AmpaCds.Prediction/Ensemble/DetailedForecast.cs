using AmpaCds.Prediction.Model;

namespace AmpaCds.Prediction.Ensemble;

/// <summary>
/// A forecast with its uncertainty and explanation. Intervals are the 5th-95th percentiles over the bootstrap
/// ensemble (model uncertainty: how much the forecast would move with another sample of the same size); they are null
/// for models trained without an ensemble. Contributions are sorted by absolute size, largest first.
/// </summary>
public sealed record DetailedForecast(
    ResponseForecast Forecast,
    ForecastInterval? ResponseProbabilityInterval90,
    ForecastInterval? ExpectedMadrsChangeInterval90,
    IReadOnlyList<FeatureContribution> Contributions,
    string CalibrationMethod)
{
    public IEnumerable<FeatureContribution> TopContributions(int count) => Contributions.Take(count);
}
