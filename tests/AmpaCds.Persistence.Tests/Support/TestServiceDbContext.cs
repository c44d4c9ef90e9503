using AmpaCds.Persistence.Messaging;
using Microsoft.EntityFrameworkCore;

namespace AmpaCds.Persistence.Tests.Support;

/// <summary>A service's context as the services will write theirs: own tables plus inbox and outbox.</summary>
public sealed class TestServiceDbContext(DbContextOptions<TestServiceDbContext> options) : MessagingDbContext(options)
{
    public DbSet<TestEffect> Effects => Set<TestEffect>();

    protected override void OnServiceModelCreating(ModelBuilder modelBuilder)
    {
        modelBuilder.Entity<TestEffect>(effect =>
        {
            effect.ToTable("TestEffects");
            effect.HasKey(row => row.Id);
            effect.Property(row => row.Id).ValueGeneratedNever();
            effect.HasIndex(row => row.MessageId);
        });
    }
}
