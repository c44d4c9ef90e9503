using AmpaCds.Reporting.Persistence;
using Microsoft.EntityFrameworkCore;

namespace AmpaCds.Reporting.PacsOutbox;

/// <summary>Reads PacsDeliveries for the report, the portal and the PACS administrators' API.</summary>
public sealed class PacsDeliveryQuery(ReportingDbContext db)
{
    public const int DefaultLimit = 500;

    /// <summary>Newest version first, then destination and object.</summary>
    public async Task<IReadOnlyList<PacsDeliveryEntity>> ListAsync(string? studyInstanceUid, PacsDeliveryState? state, int limit,
        CancellationToken cancellationToken)
    {
        var query = db.PacsDeliveries.AsNoTracking();
        if (!string.IsNullOrEmpty(studyInstanceUid))
        {
            query = query.Where(row => row.StudyInstanceUid == studyInstanceUid);
        }
        if (state is { } wanted)
        {
            var name = wanted.ToString();
            query = query.Where(row => row.State == name);
        }
        return await query
            .OrderByDescending(row => row.CreatedAtUtcTicks)
            .ThenByDescending(row => row.ReportVersion)
            .ThenBy(row => row.Destination)
            .ThenBy(row => row.ObjectKind)
            .Take(limit is > 0 and <= DefaultLimit ? limit : DefaultLimit)
            .ToListAsync(cancellationToken);
    }
}
