namespace AmpaCds.Quantification.Persistence;

/// <summary>
/// One quantification run of a series input (table QuantifiedInputs): whether it was measured or
/// failed. A PetSeriesReceived whose (series, input hash) is here was already answered.
/// </summary>
public sealed class QuantifiedInputRow
{
    public Guid Id { get; set; }

    public string SeriesInstanceUid { get; set; } = "";

    public string InputHash { get; set; } = "";

    public Guid CorrelationId { get; set; }

    /// <summary><see cref="QuantificationOutcome.Measured"/> or <see cref="QuantificationOutcome.Failed"/>.</summary>
    public string Outcome { get; set; } = "";

    public long AtUtcTicks { get; set; }
}
