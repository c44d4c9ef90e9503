namespace AmpaCds.Reporting.Persistence;

/// <summary>A row of AuditForwards: an audit event the syslog collector accepted (the forwarding's progress, kept apart from the append-only AuditEvents).</summary>
public sealed class AuditForwardEntity
{
    public Guid EventId { get; set; }

    public long ForwardedAtUtcTicks { get; set; }
}
