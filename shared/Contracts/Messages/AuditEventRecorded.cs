namespace AmpaCds.Contracts.Messages;

/// <summary>
/// One audit event a service recorded, on its way to Reporting, the Audit Record Repository.
/// </summary>
/// <remarks>
/// Like <see cref="StudyDemographicsCaptured"/> this carries patient identifiers, on purpose and only as
/// audit participant objects (<see cref="Objects"/>): an audit record must name whose data was touched. Only
/// Reporting's audit repository consumes it. <see cref="Detail"/> never carries patient identifiers.
/// </remarks>
/// <param name="EventId">Fixed when the event was recorded; the repository stores each id once.</param>
/// <param name="Source">The service that recorded it (AuditSourceID).</param>
/// <param name="Kind">The AuditEventKind name.</param>
/// <param name="Outcome">EventOutcomeIndicator: 0, 4, 8 or 12.</param>
/// <param name="OccurredAt">When, by the recording service's clock.</param>
/// <param name="UserId">The requesting user or client id ("anonymous" when none).</param>
/// <param name="Roles">The roles the requestor's token carried.</param>
/// <param name="NetworkAddress">The requestor's address, if known.</param>
/// <param name="Objects">Patient, study, query, model or node concerned.</param>
/// <param name="Detail">Reason of a failure, route refused, format exported.</param>
public sealed record AuditEventRecorded(
    Guid EventId,
    string Source,
    string Kind,
    int Outcome,
    DateTimeOffset OccurredAt,
    string UserId,
    IReadOnlyList<string> Roles,
    string? NetworkAddress,
    IReadOnlyList<AuditParticipantObject> Objects,
    string? Detail);
