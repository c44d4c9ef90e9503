using Microsoft.EntityFrameworkCore;

namespace AmpaCds.Intake.Persistence;

/// <summary>The queries over what Intake announced; one place so the "latest version" rule is written once.</summary>
public static class SeriesAnnouncementQueries
{
    /// <summary>The highest version announced for the series, or null when none was.</summary>
    public static Task<SeriesAnnouncement?> LatestAsync(this IntakeDbContext db, string seriesUid, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        return db.SeriesAnnouncements
            .Where(row => row.SeriesInstanceUid == seriesUid)
            .OrderByDescending(row => row.Version)
            .FirstOrDefaultAsync(cancellationToken);
    }

    /// <summary>The manifest of one announced version, SOP Instance UID to content SHA-256.</summary>
    public static async Task<IReadOnlyDictionary<string, string>> ManifestAsync(this IntakeDbContext db, string seriesUid, int version,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        return await db.AnnouncedInstances
            .Where(row => row.SeriesInstanceUid == seriesUid && row.Version == version)
            .ToDictionaryAsync(row => row.SopInstanceUid, row => row.ContentSha256, StringComparer.Ordinal, cancellationToken);
    }
}
