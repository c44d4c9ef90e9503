using System.Globalization;
using AmpaCds.Dicom;
using AmpaCds.Integration.Tests.Support;

namespace AmpaCds.Integration.Tests.Intake;

/// <summary>
/// "Success only once durable", tested the hard way: `ampacds serve` acknowledges instances sent by
/// storescu while their files are held back (the journal's file writer is told to wait ten minutes),
/// the process is killed with SIGKILL, and a restart on the same folder must write every acknowledged
/// instance to its file from the journal, byte for byte.
/// </summary>
public sealed class JournalCrashRecoveryTests : IAsyncLifetime
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "ampacds-crash-" + Guid.NewGuid().ToString("N")[..8]);
    private readonly int _dicomPort = FreePort.Next();
    private readonly int _grpcPort = FreePort.Next();
    private readonly int _httpPort = FreePort.Next();
    private ServiceProcess? _server;

    private static readonly Dictionary<string, string> HoldFilesBack = new()
    {
        ["AmpaCds__Intake__Journal__FileWriteIdleMilliseconds"] = "600000",
        ["AmpaCds__Intake__Journal__IdleCheckpointMilliseconds"] = "600000",
        ["AmpaCds__Intake__QuietPeriodSeconds"] = "86400", // the partial series must not complete (its completion would wait for the files)
    };

    [Fact]
    public async Task InstancesAcknowledgedBeforeASigkillAreInTheirFilesAfterTheRestart()
    {
        var (study, _) = SimulatedStudy.Write(seed: 23, _folder);
        var sent = Path.Combine(_folder, "sent");
        Directory.CreateDirectory(sent);
        foreach (var file in Directory.GetFiles(study, "*.dcm").Order(StringComparer.Ordinal).Take(12))
        {
            File.Copy(file, Path.Combine(sent, Path.GetFileName(file)));
        }

        _server = await StartAsync("ampacds-serve-1", HoldFilesBack);
        var result = await SimulatedStudy.SendWithStorescuAsync(sent, _dicomPort);
        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Empty(StoredFiles()); // acknowledged, but only in the journal so far: the restart has work to do
        await _server.DisposeAsync(); // Process.Kill: SIGKILL, no shutdown code runs

        _server = await StartAsync("ampacds-serve-2", new Dictionary<string, string>());
        var stored = StoredFiles().ToDictionary(path => Path.GetFileNameWithoutExtension(path), StringComparer.Ordinal);
        Assert.Equal(12, stored.Count);
        foreach (var path in Directory.GetFiles(sent, "*.dcm"))
        {
            var original = DicomFile.Open(path).Dataset;
            var sop = original.GetString(DicomTags.SOPInstanceUID)!;
            var recovered = DicomFile.Open(stored[sop]).Dataset;
            Assert.Equal(original.GetString(DicomTags.PatientID), recovered.GetString(DicomTags.PatientID));
            Assert.Equal(original.GetBytes(DicomTags.PixelData).ToArray(), recovered.GetBytes(DicomTags.PixelData).ToArray());
        }
        Assert.Contains("Journal recovery: 12 instances", _server.ReadLog());
    }

    private async Task<ServiceProcess> StartAsync(string name, IReadOnlyDictionary<string, string> environment)
    {
        var server = ServiceProcess.Start(name, RepositoryPaths.CliAssembly,
            ["serve", "--data", Path.Combine(_folder, "data"),
             "--dicom-port", _dicomPort.ToString(CultureInfo.InvariantCulture), "--grpc-port", _grpcPort.ToString(CultureInfo.InvariantCulture),
             "--http-port", _httpPort.ToString(CultureInfo.InvariantCulture)],
            environment, Path.Combine(_folder, "logs"));
        await server.WaitHealthyAsync($"http://127.0.0.1:{_grpcPort}/health/ready", TimeSpan.FromSeconds(120), HttpVersionPolicy.RequestVersionExact);
        return server;
    }

    private string[] StoredFiles()
    {
        var studies = Path.Combine(_folder, "data", "blobs", "studies");
        return Directory.Exists(studies) ? Directory.GetFiles(studies, "*.dcm", SearchOption.AllDirectories) : [];
    }

    public Task InitializeAsync() => Task.CompletedTask;

    public Task DisposeAsync() => ServerTeardown.StopAndDeleteAsync(_server, _folder);
}
