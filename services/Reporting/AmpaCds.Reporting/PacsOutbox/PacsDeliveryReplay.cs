using AmpaCds.Reporting.Persistence;
using Microsoft.EntityFrameworkCore;

namespace AmpaCds.Reporting.PacsOutbox;

/// <summary>
/// Puts a study's dead letters back in the outbox once the cause is fixed (a SOP class enabled, an AE title registered):
/// pending now, attempts from zero, the last reason kept until the next attempt replaces it. Objects already made are
/// sent as they are, with the same UIDs.
/// </summary>
public sealed class PacsDeliveryReplay(ReportingDbContext db, TimeProvider clock)
{
    public Task<int> ReplayAsync(string studyInstanceUid, string? destination, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(studyInstanceUid);
        var deadLetter = nameof(PacsDeliveryState.DeadLetter);
        var pending = nameof(PacsDeliveryState.Pending);
        var now = clock.GetUtcNow().UtcTicks;
        var rows = db.PacsDeliveries.Where(row => row.StudyInstanceUid == studyInstanceUid && row.State == deadLetter);
        if (!string.IsNullOrEmpty(destination))
        {
            rows = rows.Where(row => row.Destination == destination);
        }
        return rows.ExecuteUpdateAsync(update => update
            .SetProperty(row => row.State, pending)
            .SetProperty(row => row.Attempts, 0)
            .SetProperty(row => row.NextAttemptAtUtcTicks, now), cancellationToken);
    }
}
