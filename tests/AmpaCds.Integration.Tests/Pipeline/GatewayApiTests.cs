using AmpaCds.Contracts.Reporting;
using AmpaCds.Integration.Tests.Support;
using Grpc.Core;
using Grpc.Net.Client;

namespace AmpaCds.Integration.Tests.Pipeline;

/// <summary>The gateway's other calls on the running distributed system: listing, re-running and watching a study.</summary>
[Collection(DistributedCollection.Name)]
public sealed class GatewayApiTests(DistributedSystem system)
{
    [Fact]
    public async Task ARequestedPredictionRunsAgainAndItsStagesStreamToTheWatcher()
    {
        var (folder, truth) = SimulatedStudy.Write(seed: 31, system.Folder);
        var sent = await SimulatedStudy.SendWithStorescuAsync(folder, system.DicomPort);
        Assert.True(sent.ExitCode == 0, sent.ToString());
        var first = await ReportClient.WaitForReportAsync(system.GrpcAddress, truth.StudyInstanceUid, TimeSpan.FromMinutes(3), system.Trust, system.Token);

        using var channel = system.CreateChannel(system.GrpcAddress);
        var client = new ReportingApi.ReportingApiClient(channel);
        var listed = (await client.ListStudiesAsync(new ListStudiesRequest())).Studies.Single(s => s.StudyInstanceUid == truth.StudyInstanceUid);
        Assert.Equal(PipelineStage.Reported, listed.Stage);
        Assert.Equal(truth.SeriesInstanceUid, listed.SeriesInstanceUid);

        var rerun = await client.RequestPredictionAsync(new RequestPredictionRequest { StudyInstanceUid = truth.StudyInstanceUid });
        Assert.True(Guid.TryParse(rerun.CorrelationId, out _));
        using var watch = client.WatchStudy(new WatchStudyRequest { StudyInstanceUid = truth.StudyInstanceUid },
            deadline: DateTime.UtcNow.AddMinutes(3));
        var stages = new List<PipelineStage>();
        await foreach (var update in watch.ResponseStream.ReadAllAsync())
        {
            stages.Add(update.Stage);
        }
        // The watch may start after the run already moved on, but it always ends on the final stage.
        Assert.Equal(PipelineStage.Reported, stages[^1]);
        Assert.True(stages.SequenceEqual(stages.Order()), string.Join(",", stages));

        var second = await client.GetReportAsync(new GetReportRequest { StudyInstanceUid = truth.StudyInstanceUid });
        for (var index = 0; index < first.Regions.Count; index++)
        {
            // The same stored series quantified again gives the same numbers: the pipeline is deterministic.
            Assert.Equal(first.Regions[index].Suvr, second.Regions[index].Suvr, 9);
        }
    }

    [Fact]
    public async Task UnknownStudiesAreNotFoundWithTheirUid()
    {
        using var channel = system.CreateChannel(system.GrpcAddress);
        var client = new ReportingApi.ReportingApiClient(channel);
        var error = await Assert.ThrowsAsync<RpcException>(async () =>
            await client.RequestPredictionAsync(new RequestPredictionRequest { StudyInstanceUid = "1.2.840.999" }));
        Assert.Equal(StatusCode.NotFound, error.StatusCode);
        Assert.Contains("1.2.840.999", error.Status.Detail, StringComparison.Ordinal);
    }
}
