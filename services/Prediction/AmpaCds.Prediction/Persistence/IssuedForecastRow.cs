namespace AmpaCds.Prediction.Persistence;

/// <summary>A row of IssuedForecasts: one forecast as issued, for a pipeline study (SubjectKey = study UID) or an API subject.</summary>
public sealed class IssuedForecastRow
{
    public Guid Id { get; set; }

    public required string SubjectKey { get; set; }

    /// <summary>The measured series version's input hash (pipeline) or a hash of the request's features (API).</summary>
    public required string InputHash { get; set; }

    public required string ModelVersion { get; set; }

    /// <summary>JSON of <see cref="StoredForecastFeatures"/>: Prediction's own record, not the bus message.</summary>
    public required string Features { get; set; }

    public double ResponseProbability { get; set; }

    public double ExpectedMadrsChangePercent { get; set; }

    public Guid? CorrelationId { get; set; }

    public long IssuedAtUtcTicks { get; set; }
}
