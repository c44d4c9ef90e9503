namespace AmpaCds.Reporting.Operations.DeadLetters;

/// <summary>
/// A message MassTransit moved to a consumer queue's _error queue after its retries, as operations see it: ids,
/// type and the fault, never the body (it may carry study identifiers).
/// </summary>
public sealed record DeadLetter(
    string Queue,
    string MessageId,
    string MessageType,
    string ExceptionType,
    string Reason,
    DateTimeOffset? FaultedAt,
    long SizeBytes);
