namespace AmpaCds.Reporting.Operations;

/// <summary>A PACS destination's deliveries by state, its last success and the newest reason an object is not delivered.</summary>
public sealed record PacsDestinationState(
    string Destination,
    string Address,
    int Pending,
    int Delivered,
    int DeadLetters,
    DateTimeOffset? LastDeliveredAt,
    string? LastError);
