using System.Text;
using AmpaCds.Security.Access;
using Microsoft.AspNetCore.Authorization;
using System.Threading.Channels;
using AmpaCds.Contracts.Reporting;
using AmpaCds.Reporting.Persistence;
using AmpaCds.Reporting.Studies;
using AmpaCds.ServiceDefaults.Storage;
using Grpc.Core;

namespace AmpaCds.Reporting.Api;

/// <summary>The gateway's gRPC API for psychiatrists' clients, the CLI and operations tools.</summary>
public sealed class ReportingApiService(
    StudyRepository studies,
    StudyEventHandler handler,
    StudyStageNotifications notifications,
    IBlobStore blobs) : ReportingApi.ReportingApiBase
{
    public const string PredictionRequestedReason = "forecast requested";

    [Authorize(Roles = Roles.Psychiatrist + "," + Roles.PacsAdmin)]
    public override async Task<ListStudiesReply> ListStudies(ListStudiesRequest request, ServerCallContext context)
    {
        var reply = new ListStudiesReply();
        reply.Studies.AddRange((await studies.ListAsync(context.CancellationToken)).Select(ReportMapper.ToSummary));
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

    private async Task<StudyRecord> FindOrThrowAsync(string studyInstanceUid, CancellationToken cancellationToken) =>
        await studies.FindAsync(studyInstanceUid, cancellationToken)
        ?? throw new RpcException(new Status(StatusCode.NotFound, $"unknown study '{studyInstanceUid}'"));
}
