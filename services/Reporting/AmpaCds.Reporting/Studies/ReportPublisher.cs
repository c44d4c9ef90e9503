using AmpaCds.Contracts.Reporting;
using AmpaCds.Reporting.Rendering;
using AmpaCds.ServiceDefaults.Storage;
using Microsoft.Extensions.Logging;
using System.Text;

namespace AmpaCds.Reporting.Studies;

/// <summary>Renders and stores the report once uptake, forecast and patient header of the same run are all in.</summary>
public sealed class ReportPublisher(StudyRecordStore store, IBlobStore blobs, ILogger<ReportPublisher> logger)
{
    public async Task RenderIfReadyAsync(StudyRecord record, CancellationToken cancellationToken)
    {
        if (!record.ReadyToRender || record.Patient is null || record.Stage == PipelineStage.Reported)
        {
            return;
        }
        var key = $"reports/{record.StudyInstanceUid}/{record.CorrelationId:N}.html";
        var html = ReportHtmlRenderer.Render(record, DateTimeOffset.UtcNow);
        await blobs.PutAsync(key, Encoding.UTF8.GetBytes(html), cancellationToken);
        store.Update(record.StudyInstanceUid, current =>
            current.CorrelationId == record.CorrelationId
                ? current with { Stage = PipelineStage.Reported, StageDetail = "report ready", ReportBlobKey = key }
                : current);
        logger.LogInformation("Report of run {CorrelationId} stored", record.CorrelationId);
    }
}
