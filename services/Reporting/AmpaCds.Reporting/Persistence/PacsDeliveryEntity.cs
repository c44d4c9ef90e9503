namespace AmpaCds.Reporting.Persistence;

/// <summary>
/// A row of PacsDeliveries: one object of one report version for one PACS destination, planned in the transaction
/// that stores the version and worked off by the delivery worker (the durable outbox of issue 13).
/// </summary>
public sealed class PacsDeliveryEntity
{
    public Guid Id { get; set; }
    public string StudyInstanceUid { get; set; } = "";
    public int ReportVersion { get; set; }

    /// <summary>The destination's configured name.</summary>
    public string Destination { get; set; } = "";

    /// <summary>A <see cref="PacsExport.PacsObjectKind"/> name.</summary>
    public string ObjectKind { get; set; } = "";

    /// <summary>Known once the object is made (the UIDs are derived from study, version and kind).</summary>
    public string? SopInstanceUid { get; set; }

    /// <summary>A <see cref="PacsOutbox.PacsDeliveryState"/> name.</summary>
    public string State { get; set; } = "";
    public int Attempts { get; set; }
    public long NextAttemptAtUtcTicks { get; set; }

    /// <summary>The DIMSE status of the last answer, when there was one.</summary>
    public int? LastStatus { get; set; }

    /// <summary>Why the last attempt failed, or the warning a success carried.</summary>
    public string? LastError { get; set; }
    public long CreatedAtUtcTicks { get; set; }
    public long? DeliveredAtUtcTicks { get; set; }

    /// <summary>W3C traceparent of the work that planned the delivery (the report's consumer): the send joins the study's trace.</summary>
    public string? TraceParent { get; set; }
}
