namespace AmpaCds.Reporting.PacsOutbox;

/// <summary>What one attempt did for one object: delivered, retry later, or refused for good (dead letter).</summary>
public sealed record PacsStoreOutcome(PacsStoreResult Result, int? Status, string? Reason);

public enum PacsStoreResult
{
    Delivered,
    Retry,
    Refused,
}
