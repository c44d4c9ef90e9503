using AmpaCds.Contracts.Audit;
using Grpc.Core;
using Microsoft.AspNetCore.Authorization;

namespace AmpaCds.Cli.Tests;

/// <summary>An AuditApi that answers two fixed events and remembers the last request, behind the auditor role.</summary>
[Authorize(Roles = "auditor")]
public sealed class FakeAuditApi(FakeAuditApiState state) : AuditApi.AuditApiBase
{
    public override Task<ListAuditEventsReply> ListAuditEvents(ListAuditEventsRequest request, ServerCallContext context)
    {
        state.LastRequest = request;
        var reply = new ListAuditEventsReply();
        reply.Events.Add(new AuditEventRecord
        {
            EventId = "0f8e1c0a-1111-4a4a-9b9b-000000000001",
            OccurredAt = "2026-12-04T09:30:05.250Z",
            RecordedAt = "2026-12-04T09:30:06.000Z",
            Source = "reporting",
            Kind = "ReportViewed",
            Outcome = 0,
            UserId = "dr.sato",
            NetworkAddress = "192.0.2.10",
            PatientId = "P-77",
            StudyInstanceUid = "1.2.840.99.7",
            Xml = "<AuditMessage/>",
        });
        reply.Events.Add(new AuditEventRecord
        {
            EventId = "0f8e1c0a-1111-4a4a-9b9b-000000000002",
            OccurredAt = "2026-12-04T09:00:00.000Z",
            Source = "prediction",
            Kind = "AuthorizationRefused",
            Outcome = 4,
            UserId = "anonymous",
            Detail = "role model-admin required",
            Xml = "<AuditMessage/>",
        });
        return Task.FromResult(reply);
    }
}
