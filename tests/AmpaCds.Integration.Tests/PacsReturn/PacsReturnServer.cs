using System.Globalization;
using AmpaCds.Contracts.Reporting;
using AmpaCds.Integration.Tests.Support;
using AmpaCds.TestSupport.Security;
using Grpc.Core;
using Grpc.Net.Client;

namespace AmpaCds.Integration.Tests.PacsReturn;

/// <summary>
/// `ampacds serve` with one PACS destination configured as a site would (AmpaCds:Pacs through the environment), short
/// retry delays so a test sees several attempts, and a psychiatrist who reads the study's report and its deliveries.
/// </summary>
public sealed class PacsReturnServer : IAsyncDisposable
{
    private readonly string _folder;
    private ServiceProcess? _server;
    private string _token = "";
    private IReadOnlyDictionary<string, string> _settings = new Dictionary<string, string>();

    private PacsReturnServer(string folder) => _folder = folder;

    public int DicomPort { get; } = FreePort.Next();
    public int GrpcPort { get; } = FreePort.Next();
    public int HttpPort { get; } = FreePort.Next();

    public string ReadLog() => _server?.ReadLog() ?? "";

    /// <param name="settings">More AmpaCds settings (environment form, AmpaCds__...), e.g. TLS or a second destination.</param>
    public static async Task<PacsReturnServer> StartAsync(string folder, string destinationAeTitle, int destinationPort,
        IReadOnlyDictionary<string, string>? settings = null)
    {
        var server = new PacsReturnServer(folder) { _settings = settings ?? new Dictionary<string, string>() };
        await server.StartServerAsync(destinationAeTitle, destinationPort);
        return server;
    }

    private async Task StartServerAsync(string destinationAeTitle, int destinationPort)
    {
        var password = new Dictionary<string, string> { ["AMPACDS_PASSWORD"] = TestUsers.Password };
        var added = await ProcessRunner.RunCliAsync(TimeSpan.FromMinutes(1), password, "auth", "add-user",
            "--users", Path.Combine(_folder, "data", "auth", "users.json"), "--user", TestUsers.Psychiatrist, "--role", "psychiatrist",
            "--dicom-name", TestUsers.PsychiatristDicomName);
        Assert.True(added.ExitCode == 0, added.ToString());
        var admin = await ProcessRunner.RunCliAsync(TimeSpan.FromMinutes(1), password, "auth", "add-user",
            "--users", Path.Combine(_folder, "data", "auth", "users.json"), "--user", TestUsers.PacsAdmin, "--role", "pacs-admin");
        Assert.True(admin.ExitCode == 0, admin.ToString());
        await LaunchAsync(destinationAeTitle, destinationPort);
    }

    /// <summary>SIGKILLs the server, as a crash would, and starts it again on the same data (and a fresh token: the
    /// embedded issuer's signing key lives only as long as the process).</summary>
    public async Task RestartAfterKillAsync(string destinationAeTitle, int destinationPort)
    {
        await _server!.DisposeAsync();
        await LaunchAsync(destinationAeTitle, destinationPort);
    }

    private async Task LaunchAsync(string destinationAeTitle, int destinationPort)
    {
        var password = new Dictionary<string, string> { ["AMPACDS_PASSWORD"] = TestUsers.Password };
        _server = ServiceProcess.Start("ampacds-serve-pacs", RepositoryPaths.CliAssembly,
            ["serve", "--data", Path.Combine(_folder, "data"),
             "--dicom-port", Text(DicomPort), "--grpc-port", Text(GrpcPort), "--http-port", Text(HttpPort)],
            new Dictionary<string, string>
            {
                ["AmpaCds__Pacs__Destinations__0__Name"] = "hospital-pacs",
                ["AmpaCds__Pacs__Destinations__0__AeTitle"] = destinationAeTitle,
                ["AmpaCds__Pacs__Destinations__0__Host"] = "127.0.0.1",
                ["AmpaCds__Pacs__Destinations__0__Port"] = Text(destinationPort),
                ["AmpaCds__Pacs__PollIntervalSeconds"] = "0.5",
                ["AmpaCds__Pacs__RetryDelaySeconds"] = "1",
                ["AmpaCds__Pacs__MaxRetryDelaySeconds"] = "2",
                ["AmpaCds__Pacs__TimeoutSeconds"] = "10",
            }.Concat(_settings).ToDictionary(),
            Path.Combine(_folder, "logs"));
        await _server.WaitHealthyAsync($"http://127.0.0.1:{GrpcPort}/health/ready", TimeSpan.FromSeconds(120), HttpVersionPolicy.RequestVersionExact);
        var token = await ProcessRunner.RunCliAsync(TimeSpan.FromMinutes(1), password, "auth", "token",
            "--user", TestUsers.Psychiatrist, "--role", "psychiatrist", "--issuer", $"http://127.0.0.1:{HttpPort}");
        Assert.True(token.ExitCode == 0, token.ToString());
        _token = token.StandardOutput.Trim();
    }

    /// <summary>`ampacds pacs deliveries ARGS` as a PACS administrator runs it, signed in through serve's issuer.</summary>
    public Task<ProcessResult> PacsAdminCliAsync(params string[] arguments) => PacsAdminCommandAsync(["deliveries", .. arguments]);

    /// <summary>`ampacds pacs ARGS` (deliveries or replay) as a PACS administrator runs it.</summary>
    public async Task<ProcessResult> PacsAdminCommandAsync(string[] arguments)
    {
        var password = new Dictionary<string, string> { ["AMPACDS_PASSWORD"] = TestUsers.Password };
        var token = await ProcessRunner.RunCliAsync(TimeSpan.FromMinutes(1), password, "auth", "token",
            "--user", TestUsers.PacsAdmin, "--role", "pacs-admin", "--issuer", $"http://127.0.0.1:{HttpPort}");
        Assert.True(token.ExitCode == 0, token.ToString());
        return await ProcessRunner.RunCliAsync(TimeSpan.FromMinutes(1), new Dictionary<string, string> { ["AMPACDS_TOKEN"] = token.StandardOutput.Trim() },
            ["pacs", .. arguments, "--server", $"http://127.0.0.1:{GrpcPort}"]);
    }

    /// <summary>Simulates a study, sends it with storescu and waits for its report; returns the report and the simulation's truth.</summary>
    public async Task<Report> SendStudyAndWaitForReportAsync(int seed)
    {
        var (studyFolder, truth) = SimulatedStudy.Write(seed, _folder);
        var sent = await SimulatedStudy.SendWithStorescuAsync(studyFolder, DicomPort);
        Assert.True(sent.ExitCode == 0, sent.ToString());
        return await ReportClient.WaitForReportAsync($"http://127.0.0.1:{GrpcPort}", truth.StudyInstanceUid, TimeSpan.FromMinutes(3), null, _token)
            .ContinueWith(task => task.IsCompletedSuccessfully ? task.Result : throw new Xunit.Sdk.XunitException($"{task.Exception?.GetBaseException().Message}\n{ReadLog()}"));
    }

    /// <summary>The study's deliveries as the report shows them.</summary>
    public async Task<IReadOnlyList<PacsDelivery>> DeliveriesAsync(string studyInstanceUid)
    {
        using var channel = Channel();
        var report = await new ReportingApi.ReportingApiClient(channel).GetReportAsync(new GetReportRequest { StudyInstanceUid = studyInstanceUid });
        return report.PacsDeliveries;
    }

    /// <summary>Polls the deliveries until <paramref name="done"/> holds (bounded: at most 600 polls over at most <paramref name="timeout"/>).</summary>
    public async Task<IReadOnlyList<PacsDelivery>> WaitForDeliveriesAsync(string studyInstanceUid, Func<IReadOnlyList<PacsDelivery>, bool> done, TimeSpan timeout)
    {
        var deadline = DateTime.UtcNow + timeout;
        IReadOnlyList<PacsDelivery> deliveries = [];
        for (var poll = 0; poll < 600 && DateTime.UtcNow < deadline; poll++)
        {
            deliveries = await DeliveriesAsync(studyInstanceUid);
            if (deliveries.Count > 0 && done(deliveries))
            {
                return deliveries;
            }
            await Task.Delay(250);
        }
        throw new Xunit.Sdk.XunitException($"deliveries did not reach the expected state within {timeout}:\n"
            + string.Join('\n', deliveries.Select(d => $"{d.ObjectKind} {d.State} attempts {d.Attempts} {d.Reason}")) + "\n" + ReadLog());
    }

    /// <summary>The report's own PDF (English), as a psychiatrist downloads it.</summary>
    public async Task<byte[]> ReportPdfAsync(string studyInstanceUid)
    {
        using var channel = Channel();
        var report = await new ReportingApi.ReportingApiClient(channel).GetReportAsync(new GetReportRequest
        {
            StudyInstanceUid = studyInstanceUid, Format = ReportFormat.Pdf, Language = "en",
        });
        return report.Pdf.ToByteArray();
    }

    private GrpcChannel Channel()
    {
        var bearer = CallCredentials.FromInterceptor((_, metadata) =>
        {
            metadata.Add("Authorization", $"Bearer {_token}");
            return Task.CompletedTask;
        });
        return GrpcChannel.ForAddress($"http://127.0.0.1:{GrpcPort}", new GrpcChannelOptions
        {
            Credentials = ChannelCredentials.Create(ChannelCredentials.Insecure, bearer),
            UnsafeUseInsecureChannelCallCredentials = true,
        });
    }

    private static string Text(int value) => value.ToString(CultureInfo.InvariantCulture);

    public async ValueTask DisposeAsync()
    {
        if (_server is not null)
        {
            await _server.DisposeAsync();
        }
    }
}
