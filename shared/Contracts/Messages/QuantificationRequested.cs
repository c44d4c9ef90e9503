namespace AmpaCds.Contracts.Messages;

/// <summary>A client asked (through the gateway) to quantify and forecast a stored series again.</summary>
public sealed record QuantificationRequested(
    Guid CorrelationId,
    string StudyInstanceUid,
    string SeriesInstanceUid,
    string SeriesBlobPrefix)
{
    /// <summary>Input hash of the series version to quantify again (see <see cref="PetSeriesReceived.InputHash"/>).</summary>
    public string InputHash { get; init; } = "";

    /// <summary>Why the study runs again, shown with the new report version (e.g. "forecast requested").</summary>
    public string Reason { get; init; } = "";
}
