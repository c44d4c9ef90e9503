namespace AmpaCds.Contracts.Messages;

/// <summary>The series could not be quantified (bad geometry, SUV inputs, failed registration). Stops the report.</summary>
public sealed record QuantificationFailed(
    Guid CorrelationId,
    string StudyInstanceUid,
    string SeriesInstanceUid,
    string Reason,
    DateTimeOffset FailedAt);
