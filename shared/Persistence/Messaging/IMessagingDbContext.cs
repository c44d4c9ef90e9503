using Microsoft.EntityFrameworkCore;

namespace AmpaCds.Persistence.Messaging;

/// <summary>A service's DbContext that carries the inbox and outbox next to its own tables.</summary>
public interface IMessagingDbContext
{
    DbSet<InboxMessage> Inbox { get; }

    DbSet<OutboxMessage> Outbox { get; }
}
