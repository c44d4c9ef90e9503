namespace AmpaCds.Contracts.Messages;

/// <summary>Prediction forecast the ketamine response of the patient from the regional features.</summary>
/// <param name="ResponseProbabilityInterval90">5th and 95th percentile over the model's bootstrap ensemble; null without one.</param>
/// <param name="ExpectedMadrsChangeInterval90">Same for the expected signed % MADRS change (negative = improvement).</param>
/// <param name="TopContributions">The regions that moved this forecast most, largest first (positive = toward response).</param>
/// <param name="CalibrationMethod">How the probability was calibrated, e.g. "platt (out-of-fold logits)", or "none".</param>
/// <param name="ModelCardSummary">One line for the report: version, training data, validated skill, intended use.</param>
public sealed record ResponseForecastIssued(
    Guid CorrelationId,
    string StudyInstanceUid,
    string SeriesInstanceUid,
    double ResponseProbability,
    double ExpectedMadrsChangePercent,
    string ModelVersion,
    bool ModelTrainedOnSyntheticData,
    DateTimeOffset IssuedAt,
    ResponseForecastIssued.Interval? ResponseProbabilityInterval90 = null,
    ResponseForecastIssued.Interval? ExpectedMadrsChangeInterval90 = null,
    IReadOnlyList<ResponseForecastIssued.RegionContribution>? TopContributions = null,
    string? CalibrationMethod = null,
    string? ModelCardSummary = null)
{
    /// <summary>Input hash of the series version the forecast is for.</summary>
    public string InputHash { get; init; } = "";

    public sealed record Interval(double Lower, double Upper);

    /// <param name="Feature">Model feature, e.g. "suvr_lateral_habenula".</param>
    /// <param name="LogitContribution">Contribution to the calibrated log-odds of response.</param>
    /// <param name="StandardisedDeviation">The patient's deviation from the training cohort mean, in SD.</param>
    public sealed record RegionContribution(string Feature, double LogitContribution, double StandardisedDeviation);
}
