namespace AmpaCds.Contracts.Messages;

/// <summary>Intake stored a complete PET series durably. Carries keys only: no pixels, no demographics.</summary>
/// <param name="SeriesBlobPrefix">Blob-store prefix under which every instance of the series is stored.</param>
/// <param name="CompletionReason">"number-of-slices" when (0054,0081) instances arrived, "quiet-period" otherwise.</param>
public sealed record PetSeriesReceived(
    Guid CorrelationId,
    string StudyInstanceUid,
    string SeriesInstanceUid,
    string SeriesBlobPrefix,
    int InstanceCount,
    string CompletionReason,
    DateTimeOffset CompletedAt);
