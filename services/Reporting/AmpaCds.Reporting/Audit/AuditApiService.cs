using System.Globalization;
using AmpaCds.Contracts.Audit;
using AmpaCds.Security.Access;
using AmpaCds.Security.Audit;
using Grpc.Core;
using Microsoft.AspNetCore.Authorization;

namespace AmpaCds.Reporting.Audit;

/// <summary>The audit trail for auditors; every read is itself recorded (Audit Log Used).</summary>
[Authorize(Roles = Roles.Auditor)]
public sealed class AuditApiService(AuditRecordRepository repository, IAuditTrail trail, TimeProvider clock) : AuditApi.AuditApiBase
{
    public override async Task<ListAuditEventsReply> ListAuditEvents(ListAuditEventsRequest request, ServerCallContext context)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(context);
        var query = new AuditQuery(
            NullIfEmpty(request.PatientId),
            NullIfEmpty(request.UserId),
            ParseSince(request.Since),
            request.Limit);
        var rows = await repository.ListAsync(query, context.CancellationToken);

        var objects = query.PatientId is { } patientId ? new[] { AuditObject.Patient(patientId) } : [];
        // The filters other than the patient (which is a participant object) and the count; no patient data.
        var detail = string.Create(CultureInfo.InvariantCulture,
            $"user filter '{query.UserId ?? "*"}', since '{request.Since}', limit {query.EffectiveLimit}: {rows.Count} events");
        await trail.RecordAsync(new AuditEvent(AuditEventKind.AuditLogRead, AuditOutcome.Success, clock.GetUtcNow(),
            AuditActors.From(context.GetHttpContext()), objects, detail), context.CancellationToken);

        var reply = new ListAuditEventsReply();
        reply.Events.AddRange(rows.Select(AuditRecordMapper.ToRecord));
        return reply;
    }

    private static string? NullIfEmpty(string value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();

    private static DateTimeOffset? ParseSince(string since)
    {
        if (string.IsNullOrWhiteSpace(since))
        {
            return null;
        }
        return DateTimeOffset.TryParse(since, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var parsed)
            ? parsed
            : throw new RpcException(new Status(StatusCode.InvalidArgument, $"since '{since}' is not an RFC 3339 time"));
    }
}
