namespace AmpaCds.Prediction.Outcomes;

/// <summary>
/// A forecast as issued, kept so that an outcome recorded weeks later can be compared with it and used for
/// retraining. <paramref name="SubjectKey"/> is the study instance UID or a site's pseudonymous key, never a name.
/// </summary>
public sealed record IssuedForecastRecord(
    string SubjectKey,
    string ModelVersion,
    IReadOnlyDictionary<string, double> BaselineSuvr,
    double ResponseProbability,
    double ExpectedMadrsChangePercent,
    DateTimeOffset IssuedAt);
