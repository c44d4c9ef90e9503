using AmpaCds.Contracts.Research;
using AmpaCds.Reporting.Research;
using AmpaCds.Reporting.Tests.Support;
using Google.Protobuf;
using Grpc.Core;
using Microsoft.EntityFrameworkCore;
using static AmpaCds.Reporting.Tests.Support.ReportingApiHost;

namespace AmpaCds.Reporting.Tests.Research;

/// <summary>
/// The ResearchApi as the host serves it (see <see cref="ReportingApiHost"/>): researchers publish, list and read
/// analyses; every other role is refused; size and format refusals name the part and the limit.
/// </summary>
public sealed class ResearchApiTests(SqliteReportingDatabase database) : IClassFixture<SqliteReportingDatabase>, IAsyncLifetime
{
    private ReportingApiHost _host = null!;

    public async Task InitializeAsync() => _host = await ReportingApiHost.StartAsync(database);

    public async Task DisposeAsync() => await _host.DisposeAsync();

    private ResearchApi.ResearchApiClient Client => new(_host.Channel);

    private static PublishAnalysisRequest Request(NewResearchAnalysis analysis)
    {
        var request = new PublishAnalysisRequest
        {
            Title = analysis.Title, CohortSha256 = analysis.CohortSha256, SummaryHtml = analysis.SummaryHtml, ResultJson = analysis.ResultJson,
        };
        request.Plots.AddRange(analysis.Plots.Select(plot => new AnalysisPlot { Name = plot.Name, Png = ByteString.CopyFrom(plot.Png) }));
        return request;
    }

    [Fact]
    public async Task A_researcher_publishes_lists_and_reads_an_analysis_as_it_was_sent()
    {
        var analysis = ResearchAnalyses.New(title: $"Seed 7 {Guid.NewGuid():N}");

        var published = await Client.PublishAnalysisAsync(Request(analysis), Token("mori:researcher"));
        var listed = await Client.ListAnalysesAsync(new ListAnalysesRequest(), Token("mori:researcher"));
        var read = await Client.GetAnalysisAsync(new GetAnalysisRequest { AnalysisId = published.AnalysisId }, Token("mori:researcher"));

        var entry = Assert.Single(listed.Analyses, item => item.AnalysisId == published.AnalysisId);
        // The publisher is the token's user, not something the request could claim.
        Assert.Equal((analysis.Title, ResearchAnalyses.CohortHash, "mori"), (entry.Title, entry.CohortSha256, entry.PublishedBy));
        Assert.Equal(["severity", "group-comparison"], entry.PlotNames);
        Assert.Equal((analysis.SummaryHtml, analysis.ResultJson), (read.SummaryHtml, read.ResultJson));
        Assert.Equal(analysis.Plots.Select(plot => (plot.Name, Convert.ToHexString(plot.Png))),
            read.Plots.Select(plot => (plot.Name, Convert.ToHexString(plot.Png.ToByteArray()))));
        Assert.Equal(entry, read.Summary);
        var missing = await Assert.ThrowsAsync<RpcException>(() =>
            Client.GetAnalysisAsync(new GetAnalysisRequest { AnalysisId = Guid.NewGuid().ToString() }, Token("mori:researcher")).ResponseAsync);
        Assert.Equal(StatusCode.NotFound, missing.StatusCode);
    }

    [Theory]
    [InlineData("dr-sato:psychiatrist")]
    [InlineData("kato:model-admin")]
    [InlineData("yamada:auditor")]
    [InlineData("ito:ops")]
    public async Task Other_roles_may_neither_publish_nor_read(string token)
    {
        var publish = await Assert.ThrowsAsync<RpcException>(() => Client.PublishAnalysisAsync(Request(ResearchAnalyses.New()), Token(token)).ResponseAsync);
        var list = await Assert.ThrowsAsync<RpcException>(() => Client.ListAnalysesAsync(new ListAnalysesRequest(), Token(token)).ResponseAsync);
        Assert.Equal((StatusCode.PermissionDenied, StatusCode.PermissionDenied), (publish.StatusCode, list.StatusCode));
        var anonymous = await Assert.ThrowsAsync<RpcException>(() => Client.ListAnalysesAsync(new ListAnalysesRequest()).ResponseAsync);
        Assert.Equal(StatusCode.Unauthenticated, anonymous.StatusCode);
    }

    [Fact]
    public async Task An_analysis_above_grpcs_default_message_size_but_within_the_limits_is_stored()
    {
        // Three plots of 1.5 MB: 4.5 MB in one message, over gRPC's default 4 MB receive limit.
        var analysis = ResearchAnalyses.New() with
        {
            Plots = [.. Enumerable.Range(1, 3).Select(i => new ResearchPlot($"plot-{i}", ResearchAnalyses.Png(1_500_000, (byte)i)))],
        };

        var published = await Client.PublishAnalysisAsync(Request(analysis), Token("mori:researcher"));

        // Read from the database: the reply to GetAnalysis would be as large, over the test client's own 4 MB limit.
        var id = Guid.Parse(published.AnalysisId);
        var sizes = await _host.QueryAsync(db => db.ResearchPlots.Where(plot => plot.AnalysisId == id).OrderBy(plot => plot.Name)
            .Select(plot => plot.Png.Length).ToListAsync());
        Assert.Equal([1_500_000, 1_500_000, 1_500_000], sizes);
    }

    public static TheoryData<string, string> Refusals => new()
    {
        { "too-large-plot", $"plot 'group-comparison' is 2097153 bytes, over the limit of {ResearchLimits.MaxPlotBytes}" },
        { "not-png", "plot 'group-comparison' is not a PNG image" },
        { "bad-name", "plot name '../x' must be 1 to 64 lowercase letters, digits and '-'" },
        { "twice", "plot 'severity' is given twice" },
        { "bad-hash", "cohort_sha256 must be the cohort file's SHA-256 as 64 lowercase hex digits" },
        { "no-title", "title must be 1 to 200 characters" },
        { "no-table", "result_json has no 'groupComparison'" },
        { "empty-summary", $"summary_html is 0 bytes: it must be 1 to {ResearchLimits.MaxSummaryHtmlBytes}" },
    };

    [Theory]
    [MemberData(nameof(Refusals))]
    public async Task A_malformed_or_oversized_analysis_is_refused_with_the_reason(string fault, string reason)
    {
        var good = ResearchAnalyses.New();
        var analysis = fault switch
        {
            "too-large-plot" => good with { Plots = [new ResearchPlot("group-comparison", ResearchAnalyses.Png(ResearchLimits.MaxPlotBytes + 1))] },
            "not-png" => good with { Plots = [new ResearchPlot("group-comparison", [1, 2, 3, 4, 5, 6, 7, 8, 9])] },
            "bad-name" => good with { Plots = [new ResearchPlot("../x", ResearchAnalyses.Png(100))] },
            "twice" => good with { Plots = [good.Plots[0], good.Plots[0]] },
            "bad-hash" => good with { CohortSha256 = ResearchAnalyses.CohortHash.ToUpperInvariant() },
            "no-title" => good with { Title = "  " },
            "no-table" => good with { ResultJson = "{\"counts\": {}, \"fdrLevel\": 0.05}" },
            "empty-summary" => good with { SummaryHtml = "" },
            _ => throw new ArgumentOutOfRangeException(nameof(fault)),
        };

        var refused = await Assert.ThrowsAsync<RpcException>(() => Client.PublishAnalysisAsync(Request(analysis), Token("mori:researcher")).ResponseAsync);

        Assert.Equal((StatusCode.InvalidArgument, reason), (refused.StatusCode, refused.Status.Detail));
    }
}
