using AmpaCds.Persistence.Messaging;
using AmpaCds.Security.Audit;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace AmpaCds.Persistence.Audit;

/// <summary>
/// The services' <see cref="IAuditTrail"/>: the event is committed to the service's own outbox (in a scope of
/// its own, so it works the same from middleware, gRPC methods and consumers) before RecordAsync returns, and
/// the outbox dispatcher delivers it to Reporting at least once; the repository stores each event id once.
/// </summary>
public sealed class OutboxAuditTrail<TContext>(
    IServiceScopeFactory scopes,
    AuditOutbox<TContext> auditOutbox,
    OutboxSignal<TContext> signal) : IAuditTrail
    where TContext : DbContext, IMessagingDbContext
{
    public async Task RecordAsync(AuditEvent auditEvent, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(auditEvent);
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<TContext>();
        auditOutbox.Enqueue(db, auditEvent);
        await db.SaveChangesAsync(cancellationToken);
        signal.Notify();
    }
}
