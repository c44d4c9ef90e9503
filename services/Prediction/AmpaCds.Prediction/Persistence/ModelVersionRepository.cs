using AmpaCds.Persistence.Messaging;
using AmpaCds.Prediction.Model;
using AmpaCds.Prediction.Registry;
using Microsoft.EntityFrameworkCore;

namespace AmpaCds.Prediction.Persistence;

/// <summary>ModelVersions: registered versions' metadata and the one active version.</summary>
public sealed class ModelVersionRepository(PredictionDbContext db, TimeProvider clock)
{
    /// <summary>Two activations racing each other: the loser hits the one-active index and tries again on the new state.</summary>
    private const int ActivationAttempts = 10;

    /// <summary>The PostgreSQL advisory lock key that serialises activations ("K2MV").</summary>
    private const long ActivationLockKey = 0x4B324D56;

    public string? ActiveVersion() =>
        db.ModelVersions.AsNoTracking().Where(row => row.IsActive).Select(row => row.Version).SingleOrDefault();

    /// <summary>Inserts the version's row unless it exists; false when it was already recorded (also by a concurrent replica).</summary>
    public bool Record(ModelCard card)
    {
        ArgumentNullException.ThrowIfNull(card);
        if (db.ModelVersions.AsNoTracking().Any(row => row.Version == card.Version))
        {
            return false;
        }

        var row = new ModelVersionRow
        {
            Version = card.Version,
            Origin = card.Origin,
            TrainedAtUtcTicks = card.TrainedAtUtc.UtcTicks,
            Card = StoredJson.Write(StoredModelCard.From(card)),
        };
        db.ModelVersions.Add(row);
        try
        {
            db.SaveChanges();
            return true;
        }
        catch (DbUpdateException error) when (UniqueViolation.Is(error))
        {
            db.Entry(row).State = EntityState.Detached;
            return false;
        }
    }

    /// <summary>
    /// One transaction clears IsActive on the old row and sets it on the new one; the partial unique index guarantees
    /// that no commit ever leaves two active rows. Returns the previously active version.
    /// </summary>
    public string? Activate(string version)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(version);
        for (var attempt = 1; ; attempt++)
        {
            using var transaction = db.Database.BeginTransaction();
            try
            {
                // Concurrent activations on PostgreSQL would otherwise deadlock (each holds the row the other clears and
                // waits on the other's index entry); SQLite transactions are already serialised (BEGIN IMMEDIATE).
                if (db.Database.IsNpgsql())
                {
                    db.Database.ExecuteSqlRaw("SELECT pg_advisory_xact_lock({0})", ActivationLockKey);
                }
                var target = db.ModelVersions.SingleOrDefault(row => row.Version == version)
                    ?? throw new UnknownModelVersionException(version, "the prediction database");
                var previous = db.ModelVersions.AsNoTracking().Where(row => row.IsActive).Select(row => row.Version).SingleOrDefault();
                if (!target.IsActive)
                {
                    // Cleared first and saved separately: PostgreSQL checks the unique index per statement.
                    db.ModelVersions.Where(row => row.IsActive).ExecuteUpdate(set => set.SetProperty(row => row.IsActive, false));
                    target.IsActive = true;
                    target.ActivatedAtUtcTicks = clock.GetUtcNow().UtcTicks;
                    db.SaveChanges();
                }

                transaction.Commit();
                return previous;
            }
            catch (DbUpdateException error) when (UniqueViolation.Is(error) && attempt < ActivationAttempts)
            {
                transaction.Rollback();
                db.ChangeTracker.Clear();
            }
        }
    }

    /// <summary>Every recorded version's stored card, oldest first, and whether it is active.</summary>
    public async Task<IReadOnlyList<(StoredModelCard Card, bool IsActive)>> ListAsync(CancellationToken cancellationToken)
    {
        var rows = await db.ModelVersions.AsNoTracking()
            .OrderBy(row => row.TrainedAtUtcTicks).ThenBy(row => row.Version)
            .ToListAsync(cancellationToken);
        return rows.Select(row => (StoredJson.Read<StoredModelCard>(row.Card), row.IsActive)).ToList();
    }
}
