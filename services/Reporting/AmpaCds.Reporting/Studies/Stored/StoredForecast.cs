namespace AmpaCds.Reporting.Studies.Stored;

/// <summary>
/// Reporting's own record of a run's forecast, as stored in the Studies table (not <c>ResponseForecastIssued</c>,
/// so the wire format can change without changing what is on disk).
/// </summary>
public sealed record StoredForecast(
    double ResponseProbability,
    double ExpectedMadrsChangePercent,
    string ModelVersion,
    bool ModelTrainedOnSyntheticData,
    StoredInterval? ResponseProbabilityInterval90,
    StoredInterval? ExpectedMadrsChangeInterval90,
    IReadOnlyList<StoredContribution> TopContributions,
    string? CalibrationMethod,
    string? ModelCardSummary);
