using AmpaCds.Quantification.Longitudinal;
using Microsoft.EntityFrameworkCore;

namespace AmpaCds.Quantification.Persistence;

/// <summary>
/// Quantification's measurements and answered inputs on its own database. Scoped: it shares the
/// consumer scope's context with the inbox runner, so rows added here commit with the inbox row.
/// </summary>
public sealed class StudyResultRepository(QuantificationDbContext db)
{
    /// <summary>Adds a measurement to the context; saved by the caller's transaction.</summary>
    public void AddResult(string? patientKey, string inputHash, StoredStudyResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        db.StudyResults.Add(new StudyResultRow
        {
            Id = Guid.NewGuid(),
            StudyInstanceUid = result.StudyInstanceUid,
            SeriesInstanceUid = result.SeriesInstanceUid,
            InputHash = inputHash,
            PatientKey = patientKey,
            StudyDate = result.StudyDate,
            MeasuredAtUtcTicks = result.MeasuredAt.UtcTicks,
            ReferenceRegion = result.ReferenceRegion,
            AtlasVersion = result.AtlasVersion,
            Regions = StoredRegionsJson.Serialize(result.Regions),
            SuvrMapKey = result.SuvrMapKey,
            PartialVolumeMethod = result.PartialVolumeMethod,
            PartialVolumeFwhmMm = result.PartialVolumeFwhmMm,
        });
    }

    /// <summary>Adds the record that this input was answered; saved by the caller's transaction.</summary>
    public void AddQuantifiedInput(string seriesUid, string inputHash, Guid correlationId, string outcome, DateTimeOffset at) =>
        db.QuantifiedInputs.Add(new QuantifiedInputRow
        {
            Id = Guid.NewGuid(),
            SeriesInstanceUid = seriesUid,
            InputHash = inputHash,
            CorrelationId = correlationId,
            Outcome = outcome,
            AtUtcTicks = at.UtcTicks,
        });

    /// <summary>True when this series content (non-empty hash) was already measured or found unquantifiable.</summary>
    public Task<bool> WasQuantifiedAsync(string seriesUid, string inputHash, CancellationToken cancellationToken) =>
        string.IsNullOrEmpty(inputHash)
            ? Task.FromResult(false)
            : db.QuantifiedInputs.AnyAsync(row => row.SeriesInstanceUid == seriesUid && row.InputHash == inputHash, cancellationToken);

    /// <summary>True when <paramref name="consumer"/> already committed an effect for this message (a redelivery).</summary>
    public Task<bool> WasDeliveredAsync(string consumer, Guid messageId, CancellationToken cancellationToken) =>
        db.Inbox.AnyAsync(row => row.Consumer == consumer && row.MessageId == messageId, cancellationToken);

    /// <summary>
    /// The baseline of a study: the patient's earliest other study on the same atlas and reference region,
    /// dated no later than this one (undated studies are ordered by when they were measured). When the
    /// baseline study was measured more than once, its latest measurement is the one compared.
    /// </summary>
    public async Task<StoredStudyResult?> FindBaselineAsync(string patientKey, StoredStudyResult current, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(current);
        var currentTicks = current.MeasuredAt.UtcTicks;
        var sameScale = db.StudyResults.Where(row => row.PatientKey == patientKey
            && row.ReferenceRegion == current.ReferenceRegion && row.AtlasVersion == current.AtlasVersion);
        var others = sameScale.Where(row => row.StudyInstanceUid != current.StudyInstanceUid);
        // Both dated: by date, a same-day study by measurement time; otherwise by measurement time alone.
        var earlier = current.StudyDate is { } date
            ? others.Where(row => row.StudyDate == null
                ? row.MeasuredAtUtcTicks < currentTicks
                : row.StudyDate < date || (row.StudyDate == date && row.MeasuredAtUtcTicks < currentTicks))
            : others.Where(row => row.MeasuredAtUtcTicks < currentTicks);
        // Undated after dated, as before (the providers sort NULL differently, so not left to them).
        var baselineStudy = await earlier
            .OrderBy(row => row.StudyDate == null).ThenBy(row => row.StudyDate).ThenBy(row => row.MeasuredAtUtcTicks)
            .Select(row => row.StudyInstanceUid)
            .FirstOrDefaultAsync(cancellationToken);
        if (baselineStudy is null)
        {
            return null;
        }
        var latest = await sameScale.Where(row => row.StudyInstanceUid == baselineStudy)
            .OrderByDescending(row => row.MeasuredAtUtcTicks)
            .FirstAsync(cancellationToken);
        return ToResult(latest);
    }

    private static StoredStudyResult ToResult(StudyResultRow row) =>
        new(row.StudyInstanceUid, row.SeriesInstanceUid, row.StudyDate, new DateTimeOffset(row.MeasuredAtUtcTicks, TimeSpan.Zero),
            row.ReferenceRegion, row.AtlasVersion, StoredRegionsJson.Deserialize(row.Regions), row.SuvrMapKey,
            row.PartialVolumeMethod, row.PartialVolumeFwhmMm);
}
