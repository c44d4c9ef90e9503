namespace AmpaCds.Security.Audit;

/// <summary>How one <see cref="AuditEventKind"/> is written in a DICOM audit message: EventID, EventActionCode, EventTypeCode.</summary>
/// <param name="EventId">The EventID (DCM 1101xx).</param>
/// <param name="ActionCode">EventActionCode: C create, R read, U update, D delete, E execute.</param>
/// <param name="EventType">EventTypeCode, for the event IDs PS3.15 A.5.3 requires one for; null otherwise.</param>
public sealed record AuditEventCoding(AuditCode EventId, string ActionCode, AuditCode? EventType);
