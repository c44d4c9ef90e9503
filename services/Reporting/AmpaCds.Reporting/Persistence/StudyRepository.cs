using AmpaCds.Reporting.Studies;
using AmpaCds.Reporting.Studies.Stored;
using Microsoft.EntityFrameworkCore;

namespace AmpaCds.Reporting.Persistence;

/// <summary>
/// Study records and report versions over <see cref="ReportingDbContext"/>. Maps rows to
/// <see cref="StudyRecord"/> and back; the caller owns the transaction (the inbox runner's).
/// </summary>
public sealed class StudyRepository(ReportingDbContext db, TimeProvider clock)
{
    public async Task<StudyRecord?> FindAsync(string studyInstanceUid, CancellationToken cancellationToken)
    {
        var row = await db.Studies.AsNoTracking().SingleOrDefaultAsync(study => study.StudyInstanceUid == studyInstanceUid, cancellationToken);
        return row is null ? null : ToRecord(row, await VersionsAsync(studyInstanceUid, cancellationToken));
    }

    /// <summary>Most recently updated first.</summary>
    public async Task<IReadOnlyList<StudyRecord>> ListAsync(CancellationToken cancellationToken)
    {
        var rows = await db.Studies.AsNoTracking().OrderByDescending(study => study.UpdatedAtUtcTicks).ToListAsync(cancellationToken);
        return rows.Select(row => ToRecord(row, [])).ToList();
    }

    /// <summary>The study's record for a change (a blank one when the study is new), with its versions.</summary>
    public async Task<StudyRecord> LoadAsync(string studyInstanceUid, CancellationToken cancellationToken)
    {
        RequireUid(studyInstanceUid);
        var row = db.Database.IsNpgsql()
            ? await LockAsync(studyInstanceUid, cancellationToken)
            : await db.Studies.SingleOrDefaultAsync(study => study.StudyInstanceUid == studyInstanceUid, cancellationToken);
        return row is null
            ? new StudyRecord { StudyInstanceUid = studyInstanceUid }
            : ToRecord(row, await VersionsAsync(studyInstanceUid, cancellationToken));
    }

    /// <summary>Writes <paramref name="updated"/>; saved and committed with the caller's transaction.</summary>
    public async Task SaveAsync(StudyRecord updated, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(updated);
        RequireUid(updated.StudyInstanceUid);
        var row = await db.Studies.FindAsync([updated.StudyInstanceUid], cancellationToken);
        if (row is null)
        {
            row = new StudyEntity { StudyInstanceUid = updated.StudyInstanceUid };
            db.Studies.Add(row);
        }
        else
        {
            row.Revision++;
        }
        Fill(row, updated, clock.GetUtcNow().UtcTicks);
    }

    public async Task<ReportVersionRecord?> LatestVersionAsync(string studyInstanceUid, CancellationToken cancellationToken)
    {
        var row = await db.ReportVersions.AsNoTracking()
            .Where(version => version.StudyInstanceUid == studyInstanceUid)
            .OrderByDescending(version => version.Version)
            .FirstOrDefaultAsync(cancellationToken);
        return row is null ? null : ToRecord(row);
    }

    public void AddVersion(string studyInstanceUid, ReportVersionRecord version)
    {
        ArgumentNullException.ThrowIfNull(version);
        db.ReportVersions.Add(new ReportVersionEntity
        {
            StudyInstanceUid = studyInstanceUid,
            Version = version.Version,
            CorrelationId = version.CorrelationId,
            InputHash = version.InputHash,
            SeriesVersion = version.SeriesVersion,
            ModelVersion = version.ModelVersion,
            ChangeSummary = version.ChangeSummary,
            CreatedAtUtcTicks = version.CreatedAt.UtcTicks,
            ReportBlobKey = version.ReportBlobKey(studyInstanceUid),
        });
    }

    /// <summary>
    /// PostgreSQL runs several deliveries for one study at once (the events of a run come on separate queues).
    /// The row is created if missing and then locked until the transaction ends, so they apply one after the
    /// other instead of failing on the key or the concurrency token and waiting for MassTransit's retry.
    /// (SQLite needs none of this: its transactions take the write lock when they begin.)
    /// </summary>
    private async Task<StudyEntity> LockAsync(string studyInstanceUid, CancellationToken cancellationToken)
    {
        var unspecified = StoredStage.From(Contracts.Reporting.PipelineStage.Unspecified);
        var now = clock.GetUtcNow().UtcTicks;
        await db.Database.ExecuteSqlInterpolatedAsync($"""
            INSERT INTO "Studies" ("StudyInstanceUid", "SeriesInstanceUid", "SeriesBlobPrefix", "CorrelationId", "Stage", "StageDetail",
                "UpdatedAtUtcTicks", "InputHash", "SeriesVersion", "ChangeSummary", "Revision")
            VALUES ({studyInstanceUid}, '', '', {Guid.Empty}, {unspecified}, '', {now}, '', 1, '', 0)
            ON CONFLICT ("StudyInstanceUid") DO NOTHING
            """, cancellationToken);
        return await db.Studies
            .FromSqlInterpolated($"""SELECT * FROM "Studies" WHERE "StudyInstanceUid" = {studyInstanceUid} FOR UPDATE""")
            .SingleAsync(cancellationToken);
    }

    private async Task<IReadOnlyList<ReportVersionRecord>> VersionsAsync(string studyInstanceUid, CancellationToken cancellationToken)
    {
        var rows = await db.ReportVersions.AsNoTracking()
            .Where(version => version.StudyInstanceUid == studyInstanceUid)
            .OrderBy(version => version.Version)
            .ToListAsync(cancellationToken);
        return rows.Select(ToRecord).ToList();
    }

    private static void RequireUid(string studyInstanceUid)
    {
        // UIDs are digits and dots (PS3.5 9.1); the UID also becomes part of blob keys.
        if (studyInstanceUid.Length is 0 or > ReportingDbContext.UidLength || !studyInstanceUid.All(c => char.IsAsciiDigit(c) || c == '.'))
        {
            throw new ArgumentException($"'{studyInstanceUid}' is not a DICOM UID", nameof(studyInstanceUid));
        }
    }

    private static void Fill(StudyEntity row, StudyRecord record, long nowUtcTicks)
    {
        row.SeriesInstanceUid = record.SeriesInstanceUid;
        row.SeriesBlobPrefix = record.SeriesBlobPrefix;
        row.CorrelationId = record.CorrelationId;
        row.Stage = StoredStage.From(record.Stage);
        row.StageDetail = record.StageDetail;
        row.UpdatedAtUtcTicks = nowUtcTicks;
        row.PatientName = record.Patient?.PatientName;
        row.PatientId = record.Patient?.PatientId;
        row.StudyDate = record.Patient?.StudyDate;
        row.StudyDescription = record.Patient?.StudyDescription;
        row.ReferringPhysicianName = record.Patient?.ReferringPhysicianName;
        row.InputHash = record.InputHash;
        row.SeriesVersion = record.SeriesVersion;
        row.ChangeSummary = record.ChangeSummary;
        row.Uptake = record.Uptake is null ? null : StoredJson.Write(record.Uptake);
        row.Forecast = record.Forecast is null ? null : StoredJson.Write(record.Forecast);
        row.ReportVersion = record.ReportVersion;
        row.ClinicalInputs = record.ClinicalInputs is null ? null : StoredJson.Write(record.ClinicalInputs);
        row.DicomHeader = StoredJson.Write(new StoredDicomHeader(record.Patient?.PatientBirthDate ?? "", record.Patient?.PatientSex ?? "",
            record.Patient?.StudyTime ?? "", record.Patient?.AccessionNumber ?? "", record.Patient?.StudyId ?? "",
            record.PetSopClassUid, record.PetInstanceUids));
    }

    private static StudyRecord ToRecord(StudyEntity row, IReadOnlyList<ReportVersionRecord> versions)
    {
        var header = StoredJson.Read<StoredDicomHeader>(row.DicomHeader);
        return ToRecord(row, versions, header) with
        {
            PetSopClassUid = header?.SopClassUid ?? "",
            PetInstanceUids = header?.SopInstanceUids ?? [],
        };
    }

    private static StudyRecord ToRecord(StudyEntity row, IReadOnlyList<ReportVersionRecord> versions, StoredDicomHeader? header) => new()
    {
        StudyInstanceUid = row.StudyInstanceUid,
        SeriesInstanceUid = row.SeriesInstanceUid,
        SeriesBlobPrefix = row.SeriesBlobPrefix,
        CorrelationId = row.CorrelationId,
        Stage = StoredStage.To(row.Stage),
        StageDetail = row.StageDetail,
        UpdatedAt = new DateTimeOffset(row.UpdatedAtUtcTicks, TimeSpan.Zero),
        Patient = row.PatientId is null
            ? null
            : new PatientHeader(row.PatientName ?? "", row.PatientId, row.StudyDate ?? "", row.StudyDescription ?? "")
            {
                ReferringPhysicianName = row.ReferringPhysicianName ?? "",
                PatientBirthDate = header?.PatientBirthDate ?? "",
                PatientSex = header?.PatientSex ?? "",
                StudyTime = header?.StudyTime ?? "",
                AccessionNumber = header?.AccessionNumber ?? "",
                StudyId = header?.StudyId ?? "",
            },
        InputHash = row.InputHash,
        SeriesVersion = row.SeriesVersion,
        ChangeSummary = row.ChangeSummary,
        Uptake = StoredJson.Read<StoredUptake>(row.Uptake),
        Forecast = StoredJson.Read<StoredForecast>(row.Forecast),
        ReportVersion = row.ReportVersion,
        ClinicalInputs = StoredJson.Read<StoredClinicalInputs>(row.ClinicalInputs),
        Versions = versions,
    };

    private static ReportVersionRecord ToRecord(ReportVersionEntity row) => new(
        row.Version, row.CorrelationId, row.InputHash, row.SeriesVersion, row.ModelVersion, row.ChangeSummary,
        new DateTimeOffset(row.CreatedAtUtcTicks, TimeSpan.Zero));
}
