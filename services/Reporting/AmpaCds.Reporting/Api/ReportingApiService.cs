using System.Text;
using AmpaCds.Security.Access;
using Microsoft.AspNetCore.Authorization;
using System.Threading.Channels;
using AmpaCds.Contracts.Reporting;
using AmpaCds.Reporting.Audit;
using AmpaCds.Reporting.Persistence;
using AmpaCds.Reporting.Studies;
using AmpaCds.Security.Audit;
using AmpaCds.ServiceDefaults.Storage;
using Grpc.Core;

namespace AmpaCds.Reporting.Api;

/// <summary>The gateway's gRPC API for psychiatrists' clients, the CLI and operations tools.</summary>
public sealed class ReportingApiService(
    StudyRepository studies,
    StudyEventHandler handler,
    StudyStageNotifications notifications,
    IBlobStore blobs,
    IAuditTrail trail,
    TimeProvider clock) : ReportingApi.ReportingApiBase
{
    public const string PredictionRequestedReason = "forecast requested";
    public const string ListStudiesMethod = "ampacds.reporting.v1.ReportingApi/ListStudies";

    [Authorize(Roles = Roles.Psychiatrist + "," + Roles.PacsAdmin)]
    public override async Task<ListStudiesReply> ListStudies(ListStudiesRequest request, ServerCallContext context)
    {
        var reply = new ListStudiesReply();
        reply.Studies.AddRange((await studies.ListAsync(context.CancellationToken)).Select(ReportMapper.ToSummary));
        await RecordAsync(context, AuditEventKind.Query, [StudyAuditObjects.Query(ListStudiesMethod)], $"{reply.Studies.Count} studies listed");
        return reply;
    }

    [Authorize(Roles = Roles.Psychiatrist)]
    public override async Task<Report> GetReport(GetReportRequest request, ServerCallContext context)
    {
        var record = await FindOrThrowAsync(request.StudyInstanceUid, context.CancellationToken);
        if (record.Stage == PipelineStage.Failed)
        {
            throw new RpcException(new Status(StatusCode.FailedPrecondition, $"study failed: {record.StageDetail}"));
        }
        if (record.Stage != PipelineStage.Reported || record.ReportBlobKey is null)
        {
            throw new RpcException(new Status(StatusCode.FailedPrecondition, $"report not ready: study is at stage {record.Stage}"));
        }
        var report = ReportMapper.ToReport(record);
        if (request.Format == ReportFormat.Html)
        {
            report.Html = Encoding.UTF8.GetString(await blobs.GetAsync(record.ReportBlobKey, context.CancellationToken));
        }
        // The HTML report is a document that leaves the system; the JSON one is the record read on screen.
        await RecordAsync(context, request.Format == ReportFormat.Html ? AuditEventKind.ReportExported : AuditEventKind.ReportViewed,
            StudyAuditObjects.Of(record), $"format {request.Format}");
        return report;
    }

    [Authorize(Roles = Roles.Psychiatrist)]
    public override async Task<RequestPredictionReply> RequestPrediction(RequestPredictionRequest request, ServerCallContext context)
    {
        var record = await FindOrThrowAsync(request.StudyInstanceUid, context.CancellationToken);
        if (string.IsNullOrEmpty(record.SeriesBlobPrefix))
        {
            throw new RpcException(new Status(StatusCode.FailedPrecondition, "no stored PET series for this study yet"));
        }
        var correlationId = await handler.RequestPredictionAsync(record.StudyInstanceUid, PredictionRequestedReason, context.CancellationToken);
        await RecordAsync(context, AuditEventKind.ForecastRequested, StudyAuditObjects.Of(record), $"correlation {correlationId}");
        return new RequestPredictionReply { CorrelationId = correlationId.ToString() };
    }

    [Authorize(Roles = Roles.Psychiatrist + "," + Roles.PacsAdmin)]
    public override async Task WatchStudy(WatchStudyRequest request, IServerStreamWriter<StageUpdate> responseStream, ServerCallContext context)
    {
        var updates = Channel.CreateUnbounded<StageChange>();
        void Forward(StageChange change)
        {
            if (change.StudyInstanceUid == request.StudyInstanceUid)
            {
                updates.Writer.TryWrite(change);
            }
        }
        // Subscribe before reading the current stage, so no change between the two is missed.
        notifications.StageChanged += Forward;
        try
        {
            var current = await FindOrThrowAsync(request.StudyInstanceUid, context.CancellationToken);
            await responseStream.WriteAsync(ReportMapper.ToUpdate(new StageChange(current.StudyInstanceUid, current.Stage, current.StageDetail, current.UpdatedAt)));
            var stage = current.Stage;
            while (stage is not (PipelineStage.Reported or PipelineStage.Failed))
            {
                var change = await updates.Reader.ReadAsync(context.CancellationToken);
                stage = change.Stage;
                await responseStream.WriteAsync(ReportMapper.ToUpdate(change));
            }
        }
        finally
        {
            notifications.StageChanged -= Forward;
        }
    }

    private Task RecordAsync(ServerCallContext context, AuditEventKind kind, IReadOnlyList<AuditObject> objects, string detail) =>
        trail.RecordAsync(new AuditEvent(kind, AuditOutcome.Success, clock.GetUtcNow(), AuditActors.From(context.GetHttpContext()), objects, detail),
            context.CancellationToken);

    private async Task<StudyRecord> FindOrThrowAsync(string studyInstanceUid, CancellationToken cancellationToken) =>
        await studies.FindAsync(studyInstanceUid, cancellationToken)
        ?? throw new RpcException(new Status(StatusCode.NotFound, $"unknown study '{studyInstanceUid}'"));
}
