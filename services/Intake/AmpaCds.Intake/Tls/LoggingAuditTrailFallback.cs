using AmpaCds.Security.Audit;
using Microsoft.Extensions.Logging;

namespace AmpaCds.Intake.Tls;

/// <summary>
/// Used only when the host registered no <see cref="IAuditTrail"/>: the event goes to the log, so a refused
/// peer is never silent. The durable audit trail replaces it wherever it is registered.
/// </summary>
public sealed class LoggingAuditTrailFallback(ILogger<LoggingAuditTrailFallback> logger) : IAuditTrail
{
    public Task RecordAsync(AuditEvent auditEvent, CancellationToken cancellationToken)
    {
        logger.LogWarning("Audit {Kind} {Outcome} by {Actor}@{Address} on {Objects}: {Detail}",
            auditEvent.Kind, auditEvent.Outcome, auditEvent.Actor.UserId, auditEvent.Actor.NetworkAddress,
            string.Join(", ", auditEvent.Objects.Select(Describe)), auditEvent.Detail);
        return Task.CompletedTask;
    }

    // The log is not the place for patient identifiers; the durable trail keeps them.
    private static string Describe(AuditObject item) => item.Kind == AuditObjectKind.Patient ? "Patient" : $"{item.Kind}:{item.Id}";
}
