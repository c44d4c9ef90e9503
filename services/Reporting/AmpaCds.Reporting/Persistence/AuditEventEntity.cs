namespace AmpaCds.Reporting.Persistence;

/// <summary>A row of AuditEvents: one stored audit event; the table refuses UPDATE and DELETE.</summary>
public sealed class AuditEventEntity
{
    /// <summary>The event id fixed by the recording service; the key that makes a redelivery a no-op.</summary>
    public Guid Id { get; set; }

    /// <summary>UTC ticks of the storage here, strictly increasing within a process.</summary>
    public long RecordedAtUtcTicks { get; set; }

    /// <summary>UTC ticks of the event by the recording service's clock.</summary>
    public long OccurredAtUtcTicks { get; set; }

    public string Source { get; set; } = "";
    public string Kind { get; set; } = "";
    public int Outcome { get; set; }
    public string UserId { get; set; } = "";

    /// <summary>The requestor's roles, space-separated (role names hold no spaces).</summary>
    public string Roles { get; set; } = "";

    public string? NetworkAddress { get; set; }
    public string? PatientId { get; set; }
    public string? StudyInstanceUid { get; set; }
    public string? Detail { get; set; }

    /// <summary>The DICOM audit message (PS3.15 A.5.1), as stored and as forwarded to syslog.</summary>
    public string Xml { get; set; } = "";
}
