using AmpaCds.Persistence.Messaging;
using AmpaCds.Security.Audit;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace AmpaCds.Persistence.Audit;

public static class AuditTrailRegistration
{
    /// <summary>
    /// The service's <see cref="IAuditTrail"/> on its own outbox; call after AddServiceDatabase of the same context.
    /// In the embedded host (several services in one container) the first service registered provides
    /// <see cref="IAuditTrail"/>; each still has its own <see cref="AuditOutbox{TContext}"/> for transactional use.
    /// </summary>
    public static IServiceCollection AddAuditTrail<TContext>(this IServiceCollection services, string serviceName)
        where TContext : DbContext, IMessagingDbContext
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(serviceName);
        services.TryAddSingleton(provider => new AuditOutbox<TContext>(serviceName, provider.GetRequiredService<MessageOutbox>()));
        services.TryAddSingleton<OutboxAuditTrail<TContext>>();
        services.TryAddSingleton<IAuditTrail>(provider => provider.GetRequiredService<OutboxAuditTrail<TContext>>());
        return services;
    }
}
