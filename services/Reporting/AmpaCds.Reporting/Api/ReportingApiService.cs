using System.Text;
using AmpaCds.Security.Access;
using Microsoft.AspNetCore.Authorization;
using System.Threading.Channels;
using AmpaCds.Contracts.Reporting;
using AmpaCds.Reporting.Access;
using AmpaCds.Reporting.Audit;
using AmpaCds.Reporting.Figures;
using AmpaCds.Reporting.Localization;
using AmpaCds.Reporting.Pdf;
using AmpaCds.Reporting.PacsOutbox;
using AmpaCds.Reporting.Persistence;
using AmpaCds.Reporting.Studies;
using AmpaCds.Security.Audit;
using Google.Protobuf;
using Grpc.Core;

namespace AmpaCds.Reporting.Api;

/// <summary>
/// The gateway's gRPC API for psychiatrists' clients, the CLI and operations tools. Roles decide who may call a
/// method; <see cref="CareTeamAccess"/> decides which studies: a psychiatrist only their own patients', a PACS
/// administrator every study's stage but no report.
/// </summary>
public sealed class ReportingApiService(
    StudyRepository studies,
    StudyEventHandler handler,
    StudyStageNotifications notifications,
    IAuditTrail trail,
    CareTeamAccess access,
    IReportFigures figures,
    Portal.ReportExport export,
    PacsDeliveryQuery pacsDeliveries,
    PacsDeliveryReplay pacsReplay,
    TimeProvider clock) : ReportingApi.ReportingApiBase
{
    public const string PredictionRequestedReason = "forecast requested";
    public const string ListStudiesMethod = "ampacds.reporting.v1.ReportingApi/ListStudies";
    public const string ListPacsDeliveriesMethod = "ampacds.reporting.v1.ReportingApi/ListPacsDeliveries";
    public const string ReplayPacsDeliveriesMethod = "ampacds.reporting.v1.ReportingApi/ReplayPacsDeliveries";

    [Authorize(Roles = Roles.Psychiatrist + "," + Roles.PacsAdmin)]
    public override async Task<ListStudiesReply> ListStudies(ListStudiesRequest request, ServerCallContext context)
    {
        var user = context.GetHttpContext().User;
        var reply = new ListStudiesReply();
        reply.Studies.AddRange((await studies.ListAsync(context.CancellationToken)).Where(record => access.MaySeeStage(user, record)).Select(ReportMapper.ToSummary));
        await RecordAsync(context, AuditEventKind.Query, [StudyAuditObjects.Query(ListStudiesMethod)], $"{reply.Studies.Count} studies listed");
        return reply;
    }

    [Authorize(Roles = Roles.Psychiatrist)]
    public override async Task<Report> GetReport(GetReportRequest request, ServerCallContext context)
    {
        var language = LanguageOf(request);
        var record = await FindTreatedOrThrowAsync(request.StudyInstanceUid, context);
        if (record.Stage == PipelineStage.Failed)
        {
            throw new RpcException(new Status(StatusCode.FailedPrecondition, $"study failed: {record.StageDetail}"));
        }
        if (record.Stage != PipelineStage.Reported || record.ReportBlobKey is null)
        {
            throw new RpcException(new Status(StatusCode.FailedPrecondition, $"report not ready: study is at stage {record.Stage}"));
        }
        var report = ReportMapper.ToReport(record);
        report.PacsDeliveries.AddRange((await pacsDeliveries.ListAsync(record.StudyInstanceUid, null, PacsDeliveryQuery.DefaultLimit, context.CancellationToken))
            .Select(PacsDeliveryMapper.ToMessage));
        if (request.Format == ReportFormat.Html)
        {
            // The same Razor report as the portal's export, in the asked language, with the figures embedded.
            report.Html = await export.RenderHtmlAsync(record, language, context.CancellationToken);
        }
        else if (request.Format == ReportFormat.Pdf)
        {
            report.Pdf = ByteString.CopyFrom(await ReportPdfWriter.RenderAsync(record, language, figures, clock.GetUtcNow(), context.CancellationToken));
        }
        // The HTML and PDF reports are documents that leave the system; the JSON one is the record read on screen.
        var exported = request.Format is ReportFormat.Html or ReportFormat.Pdf;
        await RecordAsync(context, exported ? AuditEventKind.ReportExported : AuditEventKind.ReportViewed,
            StudyAuditObjects.Of(record), exported ? $"format {request.Format}, language {language.Code()}" : $"format {request.Format}");
        return report;
    }

    /// <summary>The report's language: "en" or "ja" (empty means English); anything else is refused with the allowed values.</summary>
    private static UiLanguage LanguageOf(GetReportRequest request)
    {
        if (string.IsNullOrWhiteSpace(request.Language))
        {
            return UiLanguage.English;
        }
        return UiLanguages.Parse(request.Language)
            ?? throw new RpcException(new Status(StatusCode.InvalidArgument,
                $"unknown language '{request.Language}': use one of {string.Join(", ", UiLanguages.All.Select(language => language.Code()))}"));
    }

    [Authorize(Roles = Roles.Psychiatrist)]
    public override async Task<RequestPredictionReply> RequestPrediction(RequestPredictionRequest request, ServerCallContext context)
    {
        var record = await FindTreatedOrThrowAsync(request.StudyInstanceUid, context);
        if (string.IsNullOrEmpty(record.SeriesBlobPrefix))
        {
            throw new RpcException(new Status(StatusCode.FailedPrecondition, "no stored PET series for this study yet"));
        }
        var correlationId = await handler.RequestPredictionAsync(record.StudyInstanceUid, PredictionRequestedReason, context.CancellationToken);
        await RecordAsync(context, AuditEventKind.ForecastRequested, StudyAuditObjects.Of(record), $"correlation {correlationId}");
        return new RequestPredictionReply { CorrelationId = correlationId.ToString() };
    }

    /// <summary>What went back to the PACS, for PACS administrators: object kinds, UIDs, states and reasons, no clinical results.</summary>
    [Authorize(Roles = Roles.PacsAdmin)]
    public override async Task<ListPacsDeliveriesReply> ListPacsDeliveries(ListPacsDeliveriesRequest request, ServerCallContext context)
    {
        PacsDeliveryState? state = null;
        if (!string.IsNullOrWhiteSpace(request.State))
        {
            state = Enum.TryParse<PacsDeliveryState>(request.State, ignoreCase: true, out var parsed) && Enum.IsDefined(parsed)
                ? parsed
                : throw new RpcException(new Status(StatusCode.InvalidArgument,
                    $"unknown state '{request.State}': use one of {string.Join(", ", Enum.GetNames<PacsDeliveryState>())}"));
        }
        var reply = new ListPacsDeliveriesReply();
        reply.Deliveries.AddRange((await pacsDeliveries.ListAsync(request.StudyInstanceUid, state, request.Limit, context.CancellationToken))
            .Select(PacsDeliveryMapper.ToMessage));
        await RecordAsync(context, AuditEventKind.Query, [StudyAuditObjects.Query(ListPacsDeliveriesMethod)], $"{reply.Deliveries.Count} PACS deliveries listed");
        return reply;
    }

    /// <summary>A PACS administrator sends a study's dead letters again once the destination is fixed.</summary>
    [Authorize(Roles = Roles.PacsAdmin)]
    public override async Task<ReplayPacsDeliveriesReply> ReplayPacsDeliveries(ReplayPacsDeliveriesRequest request, ServerCallContext context)
    {
        if (string.IsNullOrWhiteSpace(request.StudyInstanceUid))
        {
            throw new RpcException(new Status(StatusCode.InvalidArgument, "study_instance_uid is required: replay works on one study's dead letters"));
        }
        var record = await FindOrThrowAsync(request.StudyInstanceUid, context.CancellationToken);
        var replayed = await pacsReplay.ReplayAsync(record.StudyInstanceUid, request.Destination, context.CancellationToken);
        await RecordAsync(context, AuditEventKind.Query, [StudyAuditObjects.Query(ReplayPacsDeliveriesMethod, request.Destination)],
            $"{replayed} dead-lettered PACS objects put back in the outbox");
        return new ReplayPacsDeliveriesReply { Replayed = replayed };
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
            if (!access.MaySeeStage(context.GetHttpContext().User, current))
            {
                await RefuseAsync(context, current);
            }
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

    /// <summary>The study, if the caller is the psychiatrist treating its patient; otherwise PERMISSION_DENIED with the reason, audited.</summary>
    private async Task<StudyRecord> FindTreatedOrThrowAsync(string studyInstanceUid, ServerCallContext context)
    {
        var record = await FindOrThrowAsync(studyInstanceUid, context.CancellationToken);
        if (!access.IsTreating(context.GetHttpContext().User, record))
        {
            await RefuseAsync(context, record);
        }
        return record;
    }

    private async Task RefuseAsync(ServerCallContext context, StudyRecord record)
    {
        if (CareTeamAccess.StillArriving(record))
        {
            throw new RpcException(new Status(StatusCode.NotFound, CareTeamAccess.StillArrivingReason(record)));
        }
        var reason = access.RefusalReason(context.GetHttpContext().User, record);
        await trail.RecordAsync(new AuditEvent(AuditEventKind.AuthorizationRefused, AuditOutcome.MinorFailure, clock.GetUtcNow(),
            AuditActors.From(context.GetHttpContext()), StudyAuditObjects.Of(record), $"{context.Method}: {reason}"), context.CancellationToken);
        throw new RpcException(new Status(StatusCode.PermissionDenied, reason));
    }

    private async Task<StudyRecord> FindOrThrowAsync(string studyInstanceUid, CancellationToken cancellationToken) =>
        await studies.FindAsync(studyInstanceUid, cancellationToken)
        ?? throw new RpcException(new Status(StatusCode.NotFound, $"unknown study '{studyInstanceUid}'"));
}
