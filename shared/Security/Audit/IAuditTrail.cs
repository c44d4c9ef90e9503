namespace AmpaCds.Security.Audit;

/// <summary>
/// Where a service records audit events. Recording must not lose the event once it returns, and must
/// never make the audited action fail because the trail is slow: implementations queue durably.
/// </summary>
public interface IAuditTrail
{
    Task RecordAsync(AuditEvent auditEvent, CancellationToken cancellationToken);
}
