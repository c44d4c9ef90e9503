using System.Diagnostics;
using System.Text;
using AmpaCds.Contracts.Reporting;
using AmpaCds.Reporting.Diagnostics;
using AmpaCds.Reporting.PacsOutbox;
using AmpaCds.Reporting.Persistence;
using AmpaCds.Reporting.Portal;
using AmpaCds.ServiceDefaults.Storage;
using Microsoft.Extensions.Logging;

namespace AmpaCds.Reporting.Studies;

/// <summary>
/// Once uptake, forecast and patient header of the current run are all in, either writes a new report
/// version (input or model changed) or attaches the run to the latest one. Runs inside the inbox
/// transaction; the blob write is idempotent (one key per version), so a retried attempt rewrites the same key.
/// </summary>
public sealed partial class ReportPublisher(StudyRepository repository, IBlobStore blobs, ArchivedReport archive, PacsDeliveryPlanner pacs,
    TimeProvider clock, ReportingMetrics metrics, ILogger<ReportPublisher> logger)
{
    public async Task<StudyRecord> RenderIfReadyAsync(StudyRecord record, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(record);
        if (!record.ReadyToRender || record.Patient is null || record.Stage == PipelineStage.Reported)
        {
            return record;
        }
        var forecast = record.Forecast!;
        var latest = await repository.LatestVersionAsync(record.StudyInstanceUid, cancellationToken);
        var decision = ReportVersionDecision.For(record, record.InputHash, forecast.ModelVersion, latest);
        if (!decision.IsNew)
        {
            LogAttached(record.CorrelationId, decision.Version);
            metrics.Reported(record.CorrelationId, clock.GetUtcNow());
            return record with
            {
                Stage = PipelineStage.Reported,
                StageDetail = $"report unchanged (version {decision.Version})",
                ReportVersion = decision.Version,
            };
        }
        var started = Stopwatch.GetTimestamp();
        var now = clock.GetUtcNow();
        var version = new ReportVersionRecord(decision.Version, record.CorrelationId, record.InputHash, record.SeriesVersion,
            forecast.ModelVersion, decision.ChangeSummary, now);
        var rendered = record with { ReportVersion = decision.Version, Versions = [.. record.Versions, version] };
        var html = await archive.RenderAsync(rendered, now);
        await blobs.PutAsync(version.ReportBlobKey(record.StudyInstanceUid), Encoding.UTF8.GetBytes(html), cancellationToken);
        repository.AddVersion(record.StudyInstanceUid, version);
        // The version's objects go back to the PACS; planned here so they commit with the version.
        pacs.Plan(record.StudyInstanceUid, decision.Version, now);
        metrics.Rendered(Stopwatch.GetElapsedTime(started));
        metrics.Reported(record.CorrelationId, now);
        LogRendered(record.CorrelationId, decision.Version);
        return rendered with { Stage = PipelineStage.Reported, StageDetail = $"report ready (version {decision.Version}: {decision.ChangeSummary})" };
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Report version {Version} of run {CorrelationId} stored")]
    private partial void LogRendered(Guid correlationId, int version);

    [LoggerMessage(Level = LogLevel.Information, Message = "Run {CorrelationId} has the same input and model as report version {Version}; no new version")]
    private partial void LogAttached(Guid correlationId, int version);
}
