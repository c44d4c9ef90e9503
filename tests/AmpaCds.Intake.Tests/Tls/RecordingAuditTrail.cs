using System.Collections.Concurrent;
using AmpaCds.Security.Audit;

namespace AmpaCds.Intake.Tests.Tls;

/// <summary>Keeps the events Intake records, for the tests to read.</summary>
public sealed class RecordingAuditTrail : IAuditTrail
{
    private readonly ConcurrentQueue<AuditEvent> _events = new();
    private readonly SemaphoreSlim _recorded = new(0);

    public IReadOnlyCollection<AuditEvent> Events => _events;

    public Task RecordAsync(AuditEvent auditEvent, CancellationToken cancellationToken)
    {
        _events.Enqueue(auditEvent);
        _recorded.Release();
        return Task.CompletedTask;
    }

    /// <summary>
    /// The first event, waiting up to <paramref name="limit"/> for it: the server records a refusal just after the
    /// client has already given up, so the client's exit does not mean the event is there yet.
    /// </summary>
    public async Task<AuditEvent> SingleAsync(TimeSpan limit)
    {
        if (!await _recorded.WaitAsync(limit))
        {
            throw new TimeoutException($"No audit event was recorded within {limit}");
        }
        return Assert.Single(_events);
    }
}
