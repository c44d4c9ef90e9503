using Microsoft.Extensions.Logging;

namespace AmpaCds.Security.Audit;

/// <summary>
/// The audit trail of a process without a database (unit tests of one part): one structured log line per
/// event. Services register the durable trail (their outbox to the audit record repository) instead.
/// </summary>
public sealed class LoggingAuditTrail(ILogger<LoggingAuditTrail> logger) : IAuditTrail
{
    public Task RecordAsync(AuditEvent auditEvent, CancellationToken cancellationToken)
    {
        // Objects are logged by kind only: the object id of a patient is a patient identifier.
        logger.LogInformation("Audit {Kind} {Outcome} by {User} ({Roles}) from {Address}: {Objects}; {Detail}",
            auditEvent.Kind, auditEvent.Outcome, auditEvent.Actor.UserId, string.Join(',', auditEvent.Actor.Roles),
            auditEvent.Actor.NetworkAddress, string.Join(',', auditEvent.Objects.Select(item => item.Kind)), auditEvent.Detail);
        return Task.CompletedTask;
    }
}
