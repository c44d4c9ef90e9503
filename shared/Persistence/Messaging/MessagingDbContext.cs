using Microsoft.EntityFrameworkCore;

namespace AmpaCds.Persistence.Messaging;

/// <summary>
/// Base of every service's DbContext: the inbox and outbox sit next to the service's own tables, so the runner and
/// the dispatcher work on any of them, and no service can forget to map them.
/// </summary>
public abstract class MessagingDbContext(DbContextOptions options) : DbContext(options), IMessagingDbContext
{
    public DbSet<InboxMessage> Inbox => Set<InboxMessage>();

    public DbSet<OutboxMessage> Outbox => Set<OutboxMessage>();

    protected sealed override void OnModelCreating(ModelBuilder modelBuilder)
    {
        modelBuilder.AddInboxAndOutbox();
        OnServiceModelCreating(modelBuilder);
    }

    /// <summary>The service's own tables.</summary>
    protected abstract void OnServiceModelCreating(ModelBuilder modelBuilder);
}
