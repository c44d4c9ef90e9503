namespace AmpaCds.Security.Audit;

/// <summary>
/// One audit event as the services record it; the audit trail stores it and renders it as a DICOM
/// audit message (PS3.15 A.5 / IHE ATNA) for storage and syslog.
/// </summary>
/// <param name="Kind">What happened.</param>
/// <param name="Outcome">Whether it succeeded.</param>
/// <param name="OccurredAt">When, from the service's TimeProvider.</param>
/// <param name="Actor">Who did it.</param>
/// <param name="Objects">The patient, study, query or model concerned.</param>
/// <param name="Detail">Why it failed, what was exported, which route was refused; never patient identifiers.</param>
public sealed record AuditEvent(
    AuditEventKind Kind,
    AuditOutcome Outcome,
    DateTimeOffset OccurredAt,
    AuditActor Actor,
    IReadOnlyList<AuditObject> Objects,
    string? Detail = null);
