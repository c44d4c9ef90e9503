using AmpaCds.Persistence.Messaging;
using Microsoft.EntityFrameworkCore;

namespace AmpaCds.Quantification.Persistence;

/// <summary>Quantification's own database: its measurements, the inputs it answered, its inbox and outbox.</summary>
public sealed class QuantificationDbContext(DbContextOptions<QuantificationDbContext> options) : MessagingDbContext(options)
{
    public DbSet<StudyResultRow> StudyResults => Set<StudyResultRow>();

    public DbSet<QuantifiedInputRow> QuantifiedInputs => Set<QuantifiedInputRow>();

    protected override void OnServiceModelCreating(ModelBuilder modelBuilder)
    {
        modelBuilder.Entity<StudyResultRow>(result =>
        {
            result.ToTable("StudyResults");
            result.HasKey(row => row.Id);
            result.Property(row => row.Id).ValueGeneratedNever();
            result.HasIndex(row => new { row.PatientKey, row.AtlasVersion, row.ReferenceRegion });
            result.HasIndex(row => new { row.SeriesInstanceUid, row.InputHash });
        });
        modelBuilder.Entity<QuantifiedInputRow>(input =>
        {
            input.ToTable("QuantifiedInputs");
            input.HasKey(row => row.Id);
            input.Property(row => row.Id).ValueGeneratedNever();
            input.HasIndex(row => new { row.SeriesInstanceUid, row.InputHash });
        });
    }
}
