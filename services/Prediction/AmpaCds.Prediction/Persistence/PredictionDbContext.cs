using AmpaCds.Persistence.Messaging;
using Microsoft.EntityFrameworkCore;

namespace AmpaCds.Prediction.Persistence;

/// <summary>Prediction's own tables (forecasts, outcomes, model metadata, retraining jobs) and its inbox and outbox.</summary>
public sealed class PredictionDbContext(DbContextOptions<PredictionDbContext> options) : MessagingDbContext(options)
{
    public const int KeyLength = 200;
    public const int HashLength = 128;
    public const int StateLength = 20;

    public DbSet<IssuedForecastRow> IssuedForecasts => Set<IssuedForecastRow>();

    public DbSet<ObservedOutcomeRow> ObservedOutcomes => Set<ObservedOutcomeRow>();

    public DbSet<ModelVersionRow> ModelVersions => Set<ModelVersionRow>();

    public DbSet<RetrainingJobRow> RetrainingJobs => Set<RetrainingJobRow>();

    protected override void OnServiceModelCreating(ModelBuilder modelBuilder)
    {
        modelBuilder.Entity<IssuedForecastRow>(forecast =>
        {
            forecast.ToTable("IssuedForecasts");
            forecast.HasKey(row => row.Id);
            forecast.Property(row => row.Id).ValueGeneratedNever();
            forecast.Property(row => row.SubjectKey).HasMaxLength(KeyLength);
            forecast.Property(row => row.InputHash).HasMaxLength(HashLength);
            forecast.Property(row => row.ModelVersion).HasMaxLength(KeyLength);
            // One forecast per input and model: a re-request with nothing changed finds this row instead of adding one.
            forecast.HasIndex(row => new { row.SubjectKey, row.InputHash, row.ModelVersion }).IsUnique();
        });
        modelBuilder.Entity<ObservedOutcomeRow>(outcome =>
        {
            outcome.ToTable("ObservedOutcomes");
            outcome.HasKey(row => row.Id);
            outcome.Property(row => row.Id).ValueGeneratedNever();
            outcome.Property(row => row.SubjectKey).HasMaxLength(KeyLength);
            outcome.Property(row => row.Sex).HasMaxLength(StateLength);
            outcome.HasIndex(row => new { row.SubjectKey, row.RecordedAtUtcTicks });
        });
        modelBuilder.Entity<ModelVersionRow>(version =>
        {
            version.ToTable("ModelVersions");
            version.HasKey(row => row.Version);
            version.Property(row => row.Version).HasMaxLength(KeyLength);
            version.Property(row => row.Origin).HasMaxLength(KeyLength);
            version.HasIndex(row => row.IsActive).IsUnique().HasFilter(Migrations.InitialPrediction.OnlyActiveFilter)
                .HasDatabaseName(Migrations.InitialPrediction.OneActiveIndex);
        });
        modelBuilder.Entity<RetrainingJobRow>(job =>
        {
            job.ToTable("RetrainingJobs");
            job.HasKey(row => row.Id);
            job.Property(row => row.Id).HasMaxLength(KeyLength);
            job.Property(row => row.State).HasMaxLength(StateLength);
            job.Property(row => row.ModelVersion).HasMaxLength(KeyLength);
            job.HasIndex(row => row.State);
        });
    }
}
