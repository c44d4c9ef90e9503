using AmpaCds.Persistence.Messaging;
using Microsoft.EntityFrameworkCore;

namespace AmpaCds.Reporting.Persistence;

/// <summary>Reporting's database: study records, report versions, inbox and outbox.</summary>
public sealed class ReportingDbContext(DbContextOptions<ReportingDbContext> options) : MessagingDbContext(options)
{
    public const int UidLength = 64;

    public DbSet<StudyEntity> Studies => Set<StudyEntity>();

    public DbSet<ReportVersionEntity> ReportVersions => Set<ReportVersionEntity>();

    protected override void OnServiceModelCreating(ModelBuilder modelBuilder)
    {
        ArgumentNullException.ThrowIfNull(modelBuilder);
        modelBuilder.Entity<StudyEntity>(study =>
        {
            study.ToTable("Studies");
            study.HasKey(row => row.StudyInstanceUid);
            study.Property(row => row.StudyInstanceUid).HasMaxLength(UidLength);
            study.Property(row => row.Revision).IsConcurrencyToken();
            study.HasIndex(row => row.UpdatedAtUtcTicks);
        });
        modelBuilder.Entity<ReportVersionEntity>(version =>
        {
            version.ToTable("ReportVersions");
            version.HasKey(row => new { row.StudyInstanceUid, row.Version });
            version.Property(row => row.StudyInstanceUid).HasMaxLength(UidLength);
            version.Property(row => row.Version).ValueGeneratedNever();
        });
    }
}
