using System.Security.Cryptography;
using System.Text.Json;
using AmpaCds.Cli.Connection;
using AmpaCds.Cli.Output;
using AmpaCds.Contracts.Research;
using AmpaCds.Research.Analytics.Cohort;
using Google.Protobuf;

namespace AmpaCds.Cli.Analysis;

/// <summary>
/// `cohort analyze --publish`: sends the written summary, plots and the result JSON to the gateway's ResearchApi (role
/// researcher) for the portal's research page. Refusals surface through <see cref="CliRunner"/>: "not authenticated" or
/// "not permitted" with exit code 3, a size or format refusal with the server's reason.
/// </summary>
public static class AnalysisPublication
{
    public static async Task<string> PublishAsync(ServiceConnection connection, string title, string cohortPath, CohortAnalysisResult result,
        IReadOnlyList<AnalysisSection> sections, string folder, CancellationToken cancellation)
    {
        ArgumentNullException.ThrowIfNull(connection);
        ArgumentNullException.ThrowIfNull(sections);
        var request = new PublishAnalysisRequest
        {
            Title = title,
            CohortSha256 = Convert.ToHexStringLower(await Sha256Async(cohortPath, cancellation)),
            SummaryHtml = await File.ReadAllTextAsync(Path.Combine(folder, AnalysisSummaryHtml.FileName), cancellation),
            ResultJson = JsonSerializer.Serialize(result, JsonOutput.Options),
        };
        foreach (var section in sections.Where(section => section.Rows is not null))
        {
            var png = await File.ReadAllBytesAsync(Path.Combine(folder, section.Name + ".png"), cancellation);
            request.Plots.Add(new AnalysisPlot { Name = section.Name, Png = ByteString.CopyFrom(png) });
        }
        using var channel = connection.OpenChannel();
        var reply = await new ResearchApi.ResearchApiClient(channel).PublishAnalysisAsync(request, cancellationToken: cancellation);
        return reply.AnalysisId;
    }

    private static async Task<byte[]> Sha256Async(string path, CancellationToken cancellation)
    {
        await using var file = File.OpenRead(path);
        return await SHA256.HashDataAsync(file, cancellation);
    }
}
