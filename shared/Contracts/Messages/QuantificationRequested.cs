namespace AmpaCds.Contracts.Messages;

/// <summary>A client asked (through the gateway) to quantify and forecast a stored series again.</summary>
public sealed record QuantificationRequested(
    Guid CorrelationId,
    string StudyInstanceUid,
    string SeriesInstanceUid,
    string SeriesBlobPrefix);
