using AmpaCds.Persistence.Messaging;
using Microsoft.EntityFrameworkCore;

namespace AmpaCds.Persistence.Tests.Support;

/// <summary>A service's context as the services will write theirs: own tables plus inbox and outbox.</summary>
public sealed class TestServiceDbContext(DbContextOptions<TestServiceDbContext> options) : DbContext(options), IMessagingDbContext
{
    public DbSet<TestEffect> Effects => Set<TestEffect>();

    public DbSet<InboxMessage> Inbox => Set<InboxMessage>();

    public DbSet<OutboxMessage> Outbox => Set<OutboxMessage>();

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        modelBuilder.AddInboxAndOutbox();
        modelBuilder.Entity<TestEffect>(effect =>
        {
            effect.ToTable("TestEffects");
            effect.HasKey(row => row.Id);
            effect.Property(row => row.Id).ValueGeneratedNever();
            effect.HasIndex(row => row.MessageId);
        });
    }
}
