namespace AmpaCds.Contracts.Messages;

/// <summary>Prediction forecast the ketamine response of the patient from the regional features.</summary>
public sealed record ResponseForecastIssued(
    Guid CorrelationId,
    string StudyInstanceUid,
    string SeriesInstanceUid,
    double ResponseProbability,
    double ExpectedMadrsChangePercent,
    string ModelVersion,
    bool ModelTrainedOnSyntheticData,
    DateTimeOffset IssuedAt);
