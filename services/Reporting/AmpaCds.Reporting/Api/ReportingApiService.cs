using System.Text;
using System.Threading.Channels;
using AmpaCds.Contracts.Messages;
using AmpaCds.Contracts.Reporting;
using AmpaCds.Reporting.Studies;
using AmpaCds.ServiceDefaults.Storage;
using Grpc.Core;
using MassTransit;

namespace AmpaCds.Reporting.Api;

/// <summary>The gateway's gRPC API for psychiatrists' clients, the CLI and operations tools.</summary>
public sealed class ReportingApiService(StudyRecordStore store, IBlobStore blobs, IPublishEndpoint publisher)
    : ReportingApi.ReportingApiBase
{
    public override Task<ListStudiesReply> ListStudies(ListStudiesRequest request, ServerCallContext context)
    {
        var reply = new ListStudiesReply();
        reply.Studies.AddRange(store.All().Select(ReportMapper.ToSummary));
        return Task.FromResult(reply);
    }

    public override async Task<Report> GetReport(GetReportRequest request, ServerCallContext context)
    {
        var record = FindOrThrow(request.StudyInstanceUid);
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

    public override async Task<RequestPredictionReply> RequestPrediction(RequestPredictionRequest request, ServerCallContext context)
    {
        var record = FindOrThrow(request.StudyInstanceUid);
        if (string.IsNullOrEmpty(record.SeriesBlobPrefix))
        {
            throw new RpcException(new Status(StatusCode.FailedPrecondition, "no stored PET series for this study yet"));
        }
        var correlationId = NewId.NextGuid();
        store.Update(record.StudyInstanceUid, current =>
            StageRules.Advance(current, correlationId, PipelineStage.Received, "prediction requested"));
        await publisher.Publish(new QuantificationRequested(correlationId, record.StudyInstanceUid,
            record.SeriesInstanceUid, record.SeriesBlobPrefix), context.CancellationToken);
        return new RequestPredictionReply { CorrelationId = correlationId.ToString() };
    }

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
        store.StageChanged += Forward;
        try
        {
            var current = FindOrThrow(request.StudyInstanceUid);
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
            store.StageChanged -= Forward;
        }
    }

    private StudyRecord FindOrThrow(string studyInstanceUid) =>
        store.Find(studyInstanceUid)
        ?? throw new RpcException(new Status(StatusCode.NotFound, $"unknown study '{studyInstanceUid}'"));
}
