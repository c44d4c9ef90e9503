namespace AmpaCds.Contracts.Messages;

/// <summary>No forecast could be made (features rejected by the model's input checks, no model).</summary>
public sealed record PredictionFailed(
    Guid CorrelationId,
    string StudyInstanceUid,
    string SeriesInstanceUid,
    string Reason,
    DateTimeOffset FailedAt);
