using AmpaCds.Prediction.Retraining;
using Microsoft.EntityFrameworkCore;

namespace AmpaCds.Prediction.Persistence;

/// <summary>RetrainingJobs: each job's state, so a status query works on any replica and after a restart.</summary>
public sealed class RetrainingJobRepository(PredictionDbContext db)
{
    public async Task AddAsync(RetrainingJob job, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(job);
        var row = new RetrainingJobRow { Id = job.Id, State = job.State.ToString() };
        Copy(job, row);
        db.RetrainingJobs.Add(row);
        await db.SaveChangesAsync(cancellationToken);
    }

    public async Task<RetrainingJob?> FindAsync(string id, CancellationToken cancellationToken)
    {
        var row = await db.RetrainingJobs.AsNoTracking().SingleOrDefaultAsync(job => job.Id == id, cancellationToken);
        return row is null ? null : ToRecord(row);
    }

    /// <summary>Applies <paramref name="change"/> to the stored job and saves it; throws when the job is unknown.</summary>
    public async Task<RetrainingJob> UpdateAsync(string id, Func<RetrainingJob, RetrainingJob> change, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(change);
        var row = await db.RetrainingJobs.SingleOrDefaultAsync(job => job.Id == id, cancellationToken)
            ?? throw new KeyNotFoundException($"no retraining job '{id}'");
        var updated = change(ToRecord(row));
        Copy(updated, row);
        await db.SaveChangesAsync(cancellationToken);
        return updated;
    }

    /// <summary>Jobs in <paramref name="state"/>, oldest request first.</summary>
    public async Task<IReadOnlyList<RetrainingJob>> InStateAsync(RetrainingJobState state, CancellationToken cancellationToken)
    {
        var name = state.ToString();
        var rows = await db.RetrainingJobs.AsNoTracking().Where(job => job.State == name)
            .OrderBy(job => job.RequestedAtUtcTicks).ToListAsync(cancellationToken);
        return rows.Select(ToRecord).ToList();
    }

    private static void Copy(RetrainingJob job, RetrainingJobRow row)
    {
        row.State = job.State.ToString();
        row.Seed = job.Seed;
        row.Activate = job.Activate;
        row.ModelVersion = job.ModelVersion;
        row.CohortSize = job.CohortSize;
        row.ModelCardSummary = job.ModelCardSummary;
        row.Error = job.Error;
        row.RequestedAtUtcTicks = job.QueuedAt.UtcTicks;
        row.StartedAtUtcTicks = job.StartedAt?.UtcTicks;
        row.FinishedAtUtcTicks = job.FinishedAt?.UtcTicks;
    }

    private static RetrainingJob ToRecord(RetrainingJobRow row) =>
        new(row.Id, row.Seed, row.Activate, Enum.Parse<RetrainingJobState>(row.State), Utc(row.RequestedAtUtcTicks),
            row.FinishedAtUtcTicks is { } finished ? Utc(finished) : null, row.ModelVersion, row.CohortSize, row.ModelCardSummary, row.Error)
        {
            StartedAt = row.StartedAtUtcTicks is { } started ? Utc(started) : null,
        };

    private static DateTimeOffset Utc(long ticks) => new(ticks, TimeSpan.Zero);
}
