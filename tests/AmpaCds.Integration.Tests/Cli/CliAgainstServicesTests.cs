using System.Globalization;
using System.Text.Json;
using AmpaCds.Integration.Tests.Support;
using Xunit.Abstractions;

namespace AmpaCds.Integration.Tests.Cli;

/// <summary>The operator's commands against the running distributed system: `send`, then `report --wait`.</summary>
[Collection(DistributedCollection.Name)]
public sealed class CliAgainstServicesTests(DistributedSystem system, ITestOutputHelper output)
{
    [Fact]
    public async Task SendThenReportGivesTheStudysRegionsAndForecast()
    {
        var (folder, truth) = SimulatedStudy.Write(seed: 21, system.Folder);

        var send = await ProcessRunner.RunCliAsync(TimeSpan.FromMinutes(2), "send", folder, "--to", $"127.0.0.1:{system.DicomPort}");
        Assert.True(send.ExitCode == 0, send.ToString());
        Assert.Contains("sent 90 of 90 instances", send.StandardOutput, StringComparison.Ordinal);

        var report = await ProcessRunner.RunCliAsync(TimeSpan.FromMinutes(4), system.CliEnvironment, "report", "--study", truth.StudyInstanceUid,
            "--server", system.GrpcAddress, "--wait", "180", "--format", "json");
        output.WriteLine(report.ToString());
        Assert.True(report.ExitCode == 0, report.ToString() + system.Logs);

        using var json = JsonDocument.Parse(report.StandardOutput);
        var regions = json.RootElement.GetProperty("regions").EnumerateArray().ToList();
        Assert.Equal(18, regions.Count);
        var putamen = regions.Single(region => region.GetProperty("name").GetString() == "putamen");
        Assert.Equal(truth.ExpectedMeasuredSuvr["putamen"], putamen.GetProperty("suvr").GetDouble(), 0.05);
        var forecast = json.RootElement.GetProperty("forecast");
        Assert.InRange(forecast.GetProperty("responseProbability").GetDouble(), 0, 1);
        Assert.StartsWith("k2-response-", forecast.GetProperty("modelVersion").GetString(), StringComparison.Ordinal);
        Assert.True(forecast.TryGetProperty("expectedMadrsChangePercent", out _));
    }

    [Fact]
    public async Task ReportOfAnUnknownStudyExitsNonZeroWithTheReason()
    {
        var report = await ProcessRunner.RunCliAsync(TimeSpan.FromMinutes(1), system.CliEnvironment, "report", "--study", "1.2.3.4.5", "--server", system.GrpcAddress);
        Assert.Equal(5, report.ExitCode);
        Assert.Contains("unknown study '1.2.3.4.5'", report.StandardError, StringComparison.Ordinal);
    }

    [Fact]
    public async Task SendToAnUnknownCalledAeExitsWithAPeerError()
    {
        var (folder, _) = SimulatedStudy.Write(seed: 22, system.Folder);
        var send = await ProcessRunner.RunCliAsync(TimeSpan.FromMinutes(1), "send", folder, "--to",
            $"127.0.0.1:{system.DicomPort.ToString(CultureInfo.InvariantCulture)}", "--called-ae", "WRONG_AE");
        Assert.Equal(3, send.ExitCode);
        Assert.Contains("association rejected", send.StandardError, StringComparison.Ordinal);
    }
}
