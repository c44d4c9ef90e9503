namespace AmpaCds.Quantification.Pipeline;

/// <summary>One delivery asking for a series to be quantified, as the handler needs it.</summary>
/// <param name="Consumer">The consumer's inbox name: a redelivery of <paramref name="MessageId"/> to it is a no-op.</param>
/// <param name="InputHash">Hash of the series content (empty when the sender had none).</param>
/// <param name="SkipWhenAlreadyQuantified">
/// True for an announcement (PetSeriesReceived): identical content already answered is not measured again.
/// False for an explicit request, which always measures.
/// </param>
public sealed record SeriesQuantificationRequest(
    string Consumer,
    Guid MessageId,
    Guid CorrelationId,
    string StudyInstanceUid,
    string SeriesInstanceUid,
    string SeriesBlobPrefix,
    string InputHash,
    bool SkipWhenAlreadyQuantified);
