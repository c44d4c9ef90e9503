using AmpaCds.Persistence.Messaging;
using Microsoft.EntityFrameworkCore;

namespace AmpaCds.Intake.Persistence;

/// <summary>
/// Intake's database: what was announced for each series (and the manifest of each version), plus
/// the outbox its announcements leave through. The inbox is mapped because every messaging context
/// carries it; Intake consumes no messages.
/// </summary>
public sealed class IntakeDbContext(DbContextOptions<IntakeDbContext> options) : MessagingDbContext(options)
{
    public const int UidLength = 64;
    public const int Sha256HexLength = 64;
    public const int ReasonLength = 64;
    public const int SummaryLength = 500;

    public DbSet<SeriesAnnouncement> SeriesAnnouncements => Set<SeriesAnnouncement>();

    public DbSet<AnnouncedInstance> AnnouncedInstances => Set<AnnouncedInstance>();

    protected override void OnServiceModelCreating(ModelBuilder modelBuilder)
    {
        modelBuilder.Entity<SeriesAnnouncement>(announcement =>
        {
            announcement.HasKey(row => new { row.SeriesInstanceUid, row.Version });
            announcement.Property(row => row.StudyInstanceUid).HasMaxLength(UidLength);
            announcement.Property(row => row.SeriesInstanceUid).HasMaxLength(UidLength);
            announcement.Property(row => row.InputHash).HasMaxLength(Sha256HexLength);
            announcement.Property(row => row.ChangeSummary).HasMaxLength(SummaryLength);
            announcement.Property(row => row.CompletionReason).HasMaxLength(ReasonLength);
        });
        modelBuilder.Entity<AnnouncedInstance>(instance =>
        {
            instance.HasKey(row => new { row.SeriesInstanceUid, row.Version, row.SopInstanceUid });
            instance.Property(row => row.SeriesInstanceUid).HasMaxLength(UidLength);
            instance.Property(row => row.SopInstanceUid).HasMaxLength(UidLength);
            instance.Property(row => row.ContentSha256).HasMaxLength(Sha256HexLength);
        });
    }
}
