using AmpaCds.Contracts.Messages;
using AmpaCds.Intake.Persistence;
using AmpaCds.Intake.Storage;
using AmpaCds.Persistence.Audit;
using AmpaCds.Persistence.Messaging;
using AmpaCds.Security.Audit;
using MassTransit;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;

namespace AmpaCds.Intake.Series;

/// <summary>
/// Announces a completed series once per distinct content. Content identical to the latest version
/// announces nothing; otherwise the new version, its manifest and the outgoing PetSeriesReceived and
/// StudyDemographicsCaptured commit in ONE transaction, so a crash leaves either all of them or none
/// (and recovery at start, which looks for stored content without an announcement, finishes the job).
/// Scoped: one context per completion.
/// </summary>
public sealed partial class SeriesAnnouncer(
    IntakeDbContext db,
    MessageOutbox outbox,
    OutboxSignal<IntakeDbContext> signal,
    SeriesDemographicsReader demographics,
    AuditOutbox<IntakeDbContext> audit,
    TimeProvider clock,
    ILogger<SeriesAnnouncer> logger)
{
    public async Task<AnnouncementOutcome> AnnounceAsync(CompletedSeries series, SeriesManifest manifest, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(series);
        ArgumentNullException.ThrowIfNull(manifest);
        if (manifest.Count == 0)
        {
            // Nothing stored (the instances were removed meanwhile): nothing Quantification could read.
            LogNothingStored(series.SeriesUid);
            return new AnnouncementOutcome(false, 0, manifest.InputHash, "", null);
        }

        var correlationId = NewId.NextGuid();
        // Read before the transaction: a blob read must not hold the database's write lock.
        var header = await demographics.ReadAsync(correlationId,
            series with { InstanceUids = manifest.Entries.Select(entry => entry.SopInstanceUid).ToList() }, cancellationToken);

        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var latest = await db.LatestAsync(series.SeriesUid, cancellationToken);
        if (latest is not null && string.Equals(latest.InputHash, manifest.InputHash, StringComparison.Ordinal))
        {
            await transaction.RollbackAsync(CancellationToken.None);
            LogUnchangedSeries(series.SeriesUid);
            LogUnchanged(latest.Version);
            return new AnnouncementOutcome(false, latest.Version, latest.InputHash, latest.ChangeSummary, latest.CorrelationId);
        }

        var previous = latest is null ? null : await db.ManifestAsync(series.SeriesUid, latest.Version, cancellationToken);
        var version = (latest?.Version ?? 0) + 1;
        var summary = ManifestChangeSummary.Describe(previous, manifest);
        var now = clock.GetUtcNow();
        db.SeriesAnnouncements.Add(new SeriesAnnouncement
        {
            StudyInstanceUid = series.StudyUid,
            SeriesInstanceUid = series.SeriesUid,
            Version = version,
            InputHash = manifest.InputHash,
            InstanceCount = manifest.Count,
            ChangeSummary = summary,
            CorrelationId = correlationId,
            CompletionReason = series.CompletionReason,
            AnnouncedAtUtcTicks = now.UtcTicks,
        });
        db.AnnouncedInstances.AddRange(manifest.Entries.Select(entry => new AnnouncedInstance
        {
            SeriesInstanceUid = series.SeriesUid,
            Version = version,
            SopInstanceUid = entry.SopInstanceUid,
            ContentSha256 = entry.ContentSha256,
        }));
        // A new run: no parent message. Demographics first so Reporting usually has the header before the results.
        var lineage = MessageLineage.Root(correlationId);
        outbox.Enqueue(db, header, lineage);
        outbox.Enqueue(db, new PetSeriesReceived(correlationId, series.StudyUid, series.SeriesUid,
            SeriesKeys.InstancesPrefix(series.StudyUid, series.SeriesUid), manifest.Count, series.CompletionReason, now)
        {
            InputHash = manifest.InputHash,
            SeriesVersion = version,
            ChangeSummary = summary,
            SopInstanceUids = manifest.Entries.Select(entry => entry.SopInstanceUid).ToList(),
        }, lineage);
        // The audit record of the receipt commits with the announcement: both or neither.
        audit.Enqueue(db, new AuditEvent(AuditEventKind.StudyReceived, AuditOutcome.Success, now, SenderOf(series.Source),
            [AuditObject.Patient(header.PatientId, header.PatientName), AuditObject.Study(series.StudyUid)],
            $"series version {version}, {manifest.Count} instances, {series.CompletionReason}"), lineage);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
            await transaction.CommitAsync(cancellationToken);
        }
        catch
        {
            db.ChangeTracker.Clear();
            throw;
        }
        signal.Notify();
        LogAnnounced(series.CompletionReason, manifest.Count, version, summary, correlationId);
        return new AnnouncementOutcome(true, version, manifest.InputHash, summary, correlationId);
    }

    /// <summary>"AE@address:port" (C-STORE) or "STOW-RS@address" as an audit requestor: the AE title (or STOW-RS) and the address.</summary>
    public static AuditActor SenderOf(string? source)
    {
        if (string.IsNullOrEmpty(source))
        {
            return new AuditActor("unknown (recovered at start)", [], null);
        }
        var at = source.LastIndexOf('@');
        if (at < 0)
        {
            return new AuditActor(source, [], null);
        }
        var endpoint = source[(at + 1)..];
        var address = System.Net.IPEndPoint.TryParse(endpoint, out var parsed) ? parsed.Address.ToString() : endpoint;
        return new AuditActor(source[..at].Trim(), [], address.Length == 0 ? null : address);
    }

    [LoggerMessage(Level = LogLevel.Debug, Message = "Series {SeriesUid} re-sent unchanged")]
    private partial void LogUnchangedSeries(string seriesUid);

    [LoggerMessage(Level = LogLevel.Information, Message = "Series re-sent unchanged; version {Version} stands")]
    private partial void LogUnchanged(int version);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Series {SeriesUid} completed but no instance of it is stored; nothing announced")]
    private partial void LogNothingStored(string seriesUid);

    [LoggerMessage(Level = LogLevel.Information,
        Message = "Series complete by {Reason} with {Count} instances; version {Version} ({Summary}) announced as run {CorrelationId}")]
    private partial void LogAnnounced(string reason, int count, int version, string summary, Guid correlationId);
}
