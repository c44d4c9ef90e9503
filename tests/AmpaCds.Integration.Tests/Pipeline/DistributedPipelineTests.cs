using System.Diagnostics;
using AmpaCds.Integration.Tests.Support;
using Xunit.Abstractions;

namespace AmpaCds.Integration.Tests.Pipeline;

/// <summary>
/// The whole path on real parts: RabbitMQ, the four services as separate processes, DCMTK's
/// storescu as the PACS, and the report fetched through the gateway's gRPC API.
/// </summary>
[Collection(DistributedCollection.Name)]
public sealed class DistributedPipelineTests(DistributedSystem system, ITestOutputHelper output)
{
    [Fact]
    public async Task StudySentByStorescuComesBackAsAReportMatchingTheSimulationTruth()
    {
        var (folder, truth) = SimulatedStudy.Write(seed: 7, system.Folder);

        var sent = await SimulatedStudy.SendWithStorescuAsync(folder, system.DicomPort);
        Assert.True(sent.ExitCode == 0, sent.ToString());
        var lastInstanceSent = Stopwatch.StartNew();

        var report = await ReportClient.WaitForReportAsync(system.GrpcAddress, truth.StudyInstanceUid, TimeSpan.FromMinutes(3), system.Trust, system.Token)
            .ContinueWith(task => task.IsCompletedSuccessfully ? task.Result : throw new Xunit.Sdk.XunitException($"{task.Exception?.GetBaseException().Message}\n{system.Logs}"));
        output.WriteLine($"time from last instance to report: {lastInstanceSent.Elapsed.TotalSeconds:F2} s");

        ReportAssertions.MatchesTruth(report, truth, output);
    }

    [Fact]
    public async Task AnAssociationToAnUnknownCalledAeIsRejected()
    {
        var echo = await ProcessRunner.RunDcmtkAsync("echoscu", TimeSpan.FromSeconds(30),
            "-aet", "STORESCU", "-aec", "NOT_AMPACDS", "127.0.0.1", system.DicomPort.ToString(System.Globalization.CultureInfo.InvariantCulture));
        Assert.NotEqual(0, echo.ExitCode);
        Assert.Contains("Called AE Title Not Recognized", echo.StandardError + echo.StandardOutput, StringComparison.OrdinalIgnoreCase);

        var accepted = await ProcessRunner.RunDcmtkAsync("echoscu", TimeSpan.FromSeconds(30),
            "-aet", "STORESCU", "-aec", "AMPACDS", "127.0.0.1", system.DicomPort.ToString(System.Globalization.CultureInfo.InvariantCulture));
        Assert.True(accepted.ExitCode == 0, accepted.ToString());
    }
}
