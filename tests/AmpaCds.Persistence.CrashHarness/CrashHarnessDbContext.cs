using AmpaCds.Persistence.Messaging;
using Microsoft.EntityFrameworkCore;

namespace AmpaCds.Persistence.CrashHarness;

public sealed class CrashHarnessDbContext(DbContextOptions<CrashHarnessDbContext> options) : MessagingDbContext(options)
{
    public DbSet<ProbeEffect> Effects => Set<ProbeEffect>();

    protected override void OnServiceModelCreating(ModelBuilder modelBuilder)
    {
        modelBuilder.Entity<ProbeEffect>(effect =>
        {
            effect.ToTable("ProbeEffects");
            effect.HasKey(row => row.Id);
            effect.Property(row => row.Id).ValueGeneratedNever();
        });
    }
}
