using AmpaCds.Persistence.Messaging;
using Microsoft.EntityFrameworkCore;

namespace AmpaCds.Reporting.Persistence;

/// <summary>Reporting's database: study records, report versions, the audit record repository, PACS deliveries, published research analyses, inbox and outbox.</summary>
public sealed class ReportingDbContext(DbContextOptions<ReportingDbContext> options) : MessagingDbContext(options)
{
    public const int UidLength = 64;
    public const int Sha256HexLength = 64;
    public const int PlotNameLength = 64;

    public DbSet<StudyEntity> Studies => Set<StudyEntity>();

    public DbSet<ReportVersionEntity> ReportVersions => Set<ReportVersionEntity>();

    public DbSet<AuditEventEntity> AuditEvents => Set<AuditEventEntity>();

    public DbSet<AuditForwardEntity> AuditForwards => Set<AuditForwardEntity>();

    public DbSet<PacsDeliveryEntity> PacsDeliveries => Set<PacsDeliveryEntity>();

    public DbSet<ResearchAnalysisEntity> ResearchAnalyses => Set<ResearchAnalysisEntity>();

    public DbSet<ResearchPlotEntity> ResearchPlots => Set<ResearchPlotEntity>();

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
        modelBuilder.Entity<AuditEventEntity>(audit =>
        {
            audit.ToTable("AuditEvents");
            audit.HasKey(row => row.Id);
            audit.Property(row => row.Id).ValueGeneratedNever();
            audit.HasIndex(row => row.OccurredAtUtcTicks);
            audit.HasIndex(row => row.RecordedAtUtcTicks);
            audit.HasIndex(row => row.PatientId);
            audit.HasIndex(row => row.UserId);
        });
        modelBuilder.Entity<AuditForwardEntity>(forward =>
        {
            forward.ToTable("AuditForwards");
            forward.HasKey(row => row.EventId);
            forward.Property(row => row.EventId).ValueGeneratedNever();
        });
        modelBuilder.Entity<PacsDeliveryEntity>(delivery =>
        {
            delivery.ToTable("PacsDeliveries");
            delivery.HasKey(row => row.Id);
            delivery.Property(row => row.Id).ValueGeneratedNever();
            delivery.Property(row => row.StudyInstanceUid).HasMaxLength(UidLength);
            delivery.Property(row => row.TraceParent).HasMaxLength(AmpaCds.Persistence.Migrations.MessagingTables.TraceParentLength);
            // One row per object and destination of a version: nothing is planned, hence sent, twice.
            delivery.HasIndex(row => new { row.Destination, row.StudyInstanceUid, row.ReportVersion, row.ObjectKind }).IsUnique();
            delivery.HasIndex(row => new { row.State, row.NextAttemptAtUtcTicks });
            delivery.HasIndex(row => row.StudyInstanceUid);
        });
        modelBuilder.Entity<ResearchAnalysisEntity>(analysis =>
        {
            analysis.ToTable("ResearchAnalyses");
            analysis.HasKey(row => row.Id);
            analysis.Property(row => row.Id).ValueGeneratedNever();
            analysis.Property(row => row.CohortSha256).HasMaxLength(Sha256HexLength);
            analysis.HasIndex(row => row.PublishedAtUtcTicks);
        });
        modelBuilder.Entity<ResearchPlotEntity>(plot =>
        {
            plot.ToTable("ResearchPlots");
            plot.HasKey(row => new { row.AnalysisId, row.Name });
            plot.Property(row => row.Name).HasMaxLength(PlotNameLength);
            plot.HasOne<ResearchAnalysisEntity>().WithMany().HasForeignKey(row => row.AnalysisId).OnDelete(DeleteBehavior.Cascade);
        });
    }
}
