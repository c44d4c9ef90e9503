using System.Diagnostics;
using System.Globalization;
using AmpaCds.Integration.Tests.Support;
using AmpaCds.TestSupport.Security;
using Xunit.Abstractions;

namespace AmpaCds.Integration.Tests.Pipeline;

/// <summary>
/// The same path in the embedded shape: `ampacds serve` runs the four services in one process on
/// the in-memory bus; storescu sends the study and the report comes back over gRPC.
/// </summary>
public sealed class EmbeddedPipelineTests(ITestOutputHelper output) : IAsyncLifetime
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "ampacds-embedded-" + Guid.NewGuid().ToString("N")[..8]);
    private readonly int _dicomPort = FreePort.Next();
    private readonly int _grpcPort = FreePort.Next();
    private readonly int _httpPort = FreePort.Next();
    private ServiceProcess? _server;
    private string _token = "";

    /// <summary>
    /// As an operator sets it up: `ampacds auth add-user` writes the psychiatrist into serve's users file, serve's
    /// issuer signs them in through `ampacds auth token`, and the report is read with that token.
    /// </summary>
    public async Task InitializeAsync()
    {
        var password = new Dictionary<string, string> { ["AMPACDS_PASSWORD"] = TestUsers.Password };
        var added = await ProcessRunner.RunCliAsync(TimeSpan.FromMinutes(1), password, "auth", "add-user",
            "--users", Path.Combine(_folder, "data", "auth", "users.json"), "--user", TestUsers.Psychiatrist, "--role", "psychiatrist",
            "--dicom-name", TestUsers.PsychiatristDicomName);
        Assert.True(added.ExitCode == 0, added.ToString());
        _server = ServiceProcess.Start("ampacds-serve", RepositoryPaths.CliAssembly,
            ["serve", "--data", Path.Combine(_folder, "data"),
             "--dicom-port", _dicomPort.ToString(CultureInfo.InvariantCulture), "--grpc-port", _grpcPort.ToString(CultureInfo.InvariantCulture),
             "--http-port", _httpPort.ToString(CultureInfo.InvariantCulture)],
            new Dictionary<string, string>(), Path.Combine(_folder, "logs"));
        await _server.WaitHealthyAsync($"http://127.0.0.1:{_grpcPort}/health/ready", TimeSpan.FromSeconds(120), HttpVersionPolicy.RequestVersionExact);
        var token = await ProcessRunner.RunCliAsync(TimeSpan.FromMinutes(1), password, "auth", "token",
            "--user", TestUsers.Psychiatrist, "--role", "psychiatrist", "--issuer", $"http://127.0.0.1:{_httpPort}");
        Assert.True(token.ExitCode == 0, token.ToString());
        _token = token.StandardOutput.Trim();
    }

    [Fact]
    public async Task StudySentByStorescuToTheEmbeddedSystemComesBackAsAReport()
    {
        var (folder, truth) = SimulatedStudy.Write(seed: 11, _folder);
        var sent = await SimulatedStudy.SendWithStorescuAsync(folder, _dicomPort);
        Assert.True(sent.ExitCode == 0, sent.ToString());
        var lastInstanceSent = Stopwatch.StartNew();

        var report = await ReportClient.WaitForReportAsync($"http://127.0.0.1:{_grpcPort}", truth.StudyInstanceUid, TimeSpan.FromMinutes(3), null, _token)
            .ContinueWith(task => task.IsCompletedSuccessfully ? task.Result : throw new Xunit.Sdk.XunitException($"{task.Exception?.GetBaseException().Message}\n{_server!.ReadLog()}"));
        output.WriteLine($"time from last instance to report: {lastInstanceSent.Elapsed.TotalSeconds:F2} s");
        ReportAssertions.MatchesTruth(report, truth, output);
    }

    [Fact]
    public async Task StudyThePacsKeepsInJpegLsIsSentCompressedAndReportedTheSame()
    {
        var (folder, truth) = SimulatedStudy.Write(seed: 12, _folder);
        var compressed = Path.Combine(_folder, "study-12-jpeg-ls");
        Directory.CreateDirectory(compressed);
        foreach (var file in Directory.GetFiles(folder, "*.dcm"))
        {
            var run = await ProcessRunner.RunDcmtkAsync("dcmcjpls", TimeSpan.FromSeconds(30), file, Path.Combine(compressed, Path.GetFileName(file)));
            Assert.True(run.ExitCode == 0, run.ToString());
        }

        var sent = await SimulatedStudy.SendWithStorescuAsync(compressed, _dicomPort, proposal: "-xt");
        Assert.True(sent.ExitCode == 0, sent.ToString());

        var report = await ReportClient.WaitForReportAsync($"http://127.0.0.1:{_grpcPort}", truth.StudyInstanceUid, TimeSpan.FromMinutes(3), null, _token)
            .ContinueWith(task => task.IsCompletedSuccessfully ? task.Result : throw new Xunit.Sdk.XunitException($"{task.Exception?.GetBaseException().Message}\n{_server!.ReadLog()}"));
        ReportAssertions.MatchesTruth(report, truth, output);
    }

    public Task DisposeAsync() => ServerTeardown.StopAndDeleteAsync(_server, _folder);
}
