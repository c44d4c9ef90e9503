using AmpaCds.Persistence.Messaging;
using Microsoft.EntityFrameworkCore;

namespace AmpaCds.Persistence.CrashHarness;

public sealed class CrashHarnessDbContext(DbContextOptions<CrashHarnessDbContext> options) : DbContext(options), IMessagingDbContext
{
    public DbSet<ProbeEffect> Effects => Set<ProbeEffect>();

    public DbSet<InboxMessage> Inbox => Set<InboxMessage>();

    public DbSet<OutboxMessage> Outbox => Set<OutboxMessage>();

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        modelBuilder.AddInboxAndOutbox();
        modelBuilder.Entity<ProbeEffect>(effect =>
        {
            effect.ToTable("ProbeEffects");
            effect.HasKey(row => row.Id);
            effect.Property(row => row.Id).ValueGeneratedNever();
        });
    }
}
