using System.Globalization;
using AmpaCds.Contracts.Research;
using AmpaCds.Security.Access;
using AmpaCds.Security.Audit;
using Google.Protobuf;
using Grpc.Core;
using Microsoft.AspNetCore.Authorization;
using Microsoft.Extensions.Logging;

namespace AmpaCds.Reporting.Research;

/// <summary>
/// Cohort analyses for researchers: publish, list, read. No patient data (subject ids at most, inside the result), so
/// nothing here is an audit event: no audit kind (PS3.15 A.5.3) describes storing a de-identified group analysis. The
/// publication is logged with the publisher and the analysis id.
/// </summary>
[Authorize(Roles = Roles.Researcher)]
public sealed partial class ResearchApiService(ResearchAnalysisStore store, ILogger<ResearchApiService> logger) : ResearchApi.ResearchApiBase
{
    public override async Task<PublishAnalysisReply> PublishAnalysis(PublishAnalysisRequest request, ServerCallContext context)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(context);
        var publisher = AuditActors.From(context.GetHttpContext()).UserId;
        var analysis = new NewResearchAnalysis(request.Title, request.CohortSha256, request.SummaryHtml, request.ResultJson,
            [.. request.Plots.Select(plot => new ResearchPlot(plot.Name, plot.Png.ToByteArray()))]);
        try
        {
            var stored = await store.PublishAsync(analysis, publisher, context.CancellationToken);
            LogPublished(publisher, stored.Id, stored.CohortSha256);
            return new PublishAnalysisReply { AnalysisId = stored.Id.ToString() };
        }
        catch (ResearchAnalysisException refused)
        {
            throw new RpcException(new Status(StatusCode.InvalidArgument, refused.Message));
        }
    }

    public override async Task<ListAnalysesReply> ListAnalyses(ListAnalysesRequest request, ServerCallContext context)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(context);
        var reply = new ListAnalysesReply();
        reply.Analyses.AddRange((await store.ListAsync(request.Limit, context.CancellationToken)).Select(ToSummary));
        return reply;
    }

    public override async Task<AnalysisContent> GetAnalysis(GetAnalysisRequest request, ServerCallContext context)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(context);
        if (!Guid.TryParse(request.AnalysisId, out var id))
        {
            throw new RpcException(new Status(StatusCode.InvalidArgument, $"analysis_id '{request.AnalysisId}' is not an analysis id"));
        }
        var record = await store.GetAsync(id, context.CancellationToken)
            ?? throw new RpcException(new Status(StatusCode.NotFound, $"no analysis {id}"));
        var content = new AnalysisContent { Summary = ToSummary(record.Info), SummaryHtml = record.SummaryHtml, ResultJson = record.ResultJson };
        content.Plots.AddRange(record.Plots.Select(plot => new AnalysisPlot { Name = plot.Name, Png = ByteString.CopyFrom(plot.Png) }));
        return content;
    }

    private static AnalysisSummary ToSummary(ResearchAnalysisInfo info)
    {
        var summary = new AnalysisSummary
        {
            AnalysisId = info.Id.ToString(),
            Title = info.Title,
            CohortSha256 = info.CohortSha256,
            PublishedBy = info.PublishedBy,
            PublishedAt = info.PublishedAt.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fffffff'Z'", CultureInfo.InvariantCulture),
        };
        summary.PlotNames.AddRange(info.PlotNames);
        return summary;
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "{User} published research analysis {AnalysisId} of cohort {CohortSha256}")]
    private partial void LogPublished(string user, Guid analysisId, string cohortSha256);
}
