using AmpaCds.Contracts.Messages;
using AmpaCds.Security.Audit;

namespace AmpaCds.Persistence.Audit;

/// <summary>Between the services' <see cref="AuditEvent"/> and the <see cref="AuditEventRecorded"/> message that carries it.</summary>
public static class AuditEventMessages
{
    public static AuditEventRecorded ToMessage(AuditEvent auditEvent, Guid eventId, string source)
    {
        ArgumentNullException.ThrowIfNull(auditEvent);
        return new AuditEventRecorded(
            eventId,
            source,
            auditEvent.Kind.ToString(),
            (int)auditEvent.Outcome,
            auditEvent.OccurredAt,
            auditEvent.Actor.UserId,
            [.. auditEvent.Actor.Roles],
            auditEvent.Actor.NetworkAddress,
            [.. auditEvent.Objects.Select(item => new AuditParticipantObject(item.Kind.ToString(), item.Id, item.Name))],
            auditEvent.Detail);
    }

    /// <summary>The event back; a kind or object kind this build does not know fails loudly rather than being stored wrong.</summary>
    public static AuditEvent ToEvent(AuditEventRecorded message)
    {
        ArgumentNullException.ThrowIfNull(message);
        return new AuditEvent(
            ParseEnum<AuditEventKind>(message.Kind),
            Enum.IsDefined((AuditOutcome)message.Outcome)
                ? (AuditOutcome)message.Outcome
                : throw new FormatException($"unknown audit outcome {message.Outcome}"),
            message.OccurredAt,
            new AuditActor(message.UserId, message.Roles ?? [], message.NetworkAddress),
            [.. (message.Objects ?? []).Select(item => new AuditObject(ParseEnum<AuditObjectKind>(item.Kind), item.Id, item.Name))],
            message.Detail);
    }

    private static T ParseEnum<T>(string name) where T : struct, Enum =>
        Enum.TryParse<T>(name, ignoreCase: false, out var value) && Enum.IsDefined(value)
            ? value
            : throw new FormatException($"unknown {typeof(T).Name} '{name}'");
}
