using AmpaCds.Contracts.Messages;
using AmpaCds.Persistence.Audit;
using AmpaCds.Persistence.Messaging;
using AmpaCds.Reporting.Persistence;
using AmpaCds.Security.Audit;
using Microsoft.EntityFrameworkCore;

namespace AmpaCds.Reporting.Audit;

/// <summary>
/// The Audit Record Repository (IHE ATNA): stores each recorded event once, with its DICOM audit message, in
/// the append-only AuditEvents table, and answers the auditors' queries.
/// </summary>
public sealed class AuditRecordRepository(
    ReportingDbContext db,
    IdempotentEffectRunner<ReportingDbContext> runner,
    TimeProvider clock)
{
    /// <summary>The inbox consumer name; the inbox key is the event id, so a second copy of an event is a no-op however it was sent.</summary>
    public const string ConsumerName = "reporting-audit-repository";

    /// <summary>True when stored now, false when this event id was already stored.</summary>
    public Task<bool> StoreAsync(AuditEventRecorded message, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(message);
        var auditEvent = AuditEventMessages.ToEvent(message);
        var row = new AuditEventEntity
        {
            Id = message.EventId,
            OccurredAtUtcTicks = message.OccurredAt.UtcTicks,
            Source = message.Source,
            Kind = auditEvent.Kind.ToString(),
            Outcome = (int)auditEvent.Outcome,
            UserId = message.UserId,
            Roles = string.Join(' ', auditEvent.Actor.Roles),
            NetworkAddress = message.NetworkAddress,
            PatientId = auditEvent.Objects.FirstOrDefault(item => item.Kind == AuditObjectKind.Patient)?.Id,
            StudyInstanceUid = auditEvent.Objects.FirstOrDefault(item => item.Kind == AuditObjectKind.Study)?.Id,
            Detail = message.Detail,
            Xml = AuditMessageXml.Write(auditEvent, message.Source),
        };
        return runner.RunOnceAsync(message.EventId, ConsumerName, (context, _) =>
        {
            row.RecordedAtUtcTicks = MonotonicClock.Next(clock);
            context.AuditEvents.Add(row);
            return Task.CompletedTask;
        }, cancellationToken);
    }

    public async Task<IReadOnlyList<AuditEventEntity>> ListAsync(AuditQuery query, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(query);
        var rows = db.AuditEvents.AsNoTracking();
        if (!string.IsNullOrEmpty(query.PatientId))
        {
            rows = rows.Where(row => row.PatientId == query.PatientId);
        }
        if (!string.IsNullOrEmpty(query.UserId))
        {
            rows = rows.Where(row => row.UserId == query.UserId);
        }
        if (query.Since is { } since)
        {
            var sinceTicks = since.UtcTicks;
            rows = rows.Where(row => row.OccurredAtUtcTicks >= sinceTicks);
        }
        return await rows
            .OrderByDescending(row => row.OccurredAtUtcTicks)
            .ThenByDescending(row => row.RecordedAtUtcTicks)
            .Take(query.EffectiveLimit)
            .ToListAsync(cancellationToken);
    }
}
