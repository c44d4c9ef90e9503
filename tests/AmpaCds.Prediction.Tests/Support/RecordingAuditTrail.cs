using System.Collections.Concurrent;
using AmpaCds.Security.Audit;

namespace AmpaCds.Prediction.Tests.Support;

/// <summary>Keeps what the API recorded, for the tests to read.</summary>
public sealed class RecordingAuditTrail : IAuditTrail
{
    private readonly ConcurrentQueue<AuditEvent> _events = new();

    public IReadOnlyList<AuditEvent> Events => [.. _events];

    public Task RecordAsync(AuditEvent auditEvent, CancellationToken cancellationToken)
    {
        _events.Enqueue(auditEvent);
        return Task.CompletedTask;
    }
}
