using System.Globalization;
using System.Text.RegularExpressions;
using AmpaCds.Dicom;
using AmpaCds.Integration.Tests.Support;
using Xunit.Abstractions;

namespace AmpaCds.Integration.Tests.Intake;

/// <summary>
/// "Success only once durable", tested the hard way: `ampacds serve` acknowledges instances sent by
/// storescu while their files are held back (the journal's file writer is told to wait ten minutes),
/// the process is killed with SIGKILL, and a restart on the same folder must write every acknowledged
/// instance to its file from the journal, byte for byte.
/// </summary>
public sealed class JournalCrashRecoveryTests(ITestOutputHelper output) : IAsyncLifetime
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

    /// <summary>
    /// Group commit under a crash: four storescu associations store at once (one flush answers several
    /// of them), Intake is killed with SIGKILL once a quarter of the burst is acknowledged, and after the
    /// restart every instance storescu saw a Success status for is in its file with the dataset bytes sent.
    /// </summary>
    [Fact]
    public async Task EveryInstanceAcknowledgedDuringAFourAssociationBurstSurvivesASigkill()
    {
        // 88 of each study's 90 slices: no series completes, so no quantification competes with the burst.
        var studies = new List<string[]>();
        foreach (var seed in Enumerable.Range(31, 4))
        {
            studies.Add(await ExplicitLengthCopiesAsync(
                Directory.GetFiles(SimulatedStudy.Write(seed, _folder).Folder, "*.dcm").Order(StringComparer.Ordinal).Take(88), Path.Combine(_folder, $"sent-{seed}")));
        }
        var total = studies.Sum(files => files.Length);
        _server = await StartAsync("ampacds-serve-burst-1", HoldFilesBack);

        var runs = studies.Select(files => StorescuRun.Start(_dicomPort, files)).ToList();
        try
        {
            var deadline = DateTime.UtcNow.AddMinutes(2);
            while (runs.Sum(run => run.Acknowledged) < total / 4 && !runs.All(run => run.HasExited) && DateTime.UtcNow < deadline)
            {
                await Task.Delay(5);
            }
            await _server.DisposeAsync(); // SIGKILL in the middle of the burst
            foreach (var run in runs)
            {
                await run.WaitForExitAsync(TimeSpan.FromSeconds(60)); // each association fails once Intake is gone
            }
            var acknowledged = runs.SelectMany(run => run.AcknowledgedFiles()).ToList();
            Assert.True(acknowledged.Count >= total / 4 && acknowledged.Count < total,
                $"{acknowledged.Count} of {total} acknowledged: the kill was not mid-burst\n{runs[0].Log}");
            Assert.All(runs, run => Assert.True(run.Acknowledged > 0, "every association had instances acknowledged"));

            _server = await StartAsync("ampacds-serve-burst-2", new Dictionary<string, string>());
            var stored = StoredFiles().ToDictionary(path => Path.GetFileNameWithoutExtension(path), StringComparer.Ordinal);
            foreach (var path in acknowledged)
            {
                var sop = DicomFile.Open(path).Dataset.GetString(DicomTags.SOPInstanceUID)!;
                Assert.True(stored.TryGetValue(sop, out var recovered), $"acknowledged instance {Path.GetFileName(path)} is missing after the restart");
                Assert.Equal(DatasetBytes(path), DatasetBytes(recovered));
            }
            var replayed = Regex.Match(_server.ReadLog(), @"Journal recovery: (\d+) instances");
            Assert.True(replayed.Success, "the restart replayed nothing from the journal");
            output.WriteLine($"{acknowledged.Count} of {total} instances acknowledged before the SIGKILL; {replayed.Groups[1].Value} replayed from the journal; all {acknowledged.Count} present and identical");
        }
        finally
        {
            foreach (var run in runs)
            {
                await run.DisposeAsync();
            }
        }
    }

    /// <summary>
    /// The files as storescu puts them on the wire: it re-encodes what it reads, writing sequences with
    /// explicit lengths, so the files sent are first rewritten that way by DCMTK (dcmconv +e). Then the
    /// data set Intake received, and stores unchanged, is byte for byte the data set of the file sent.
    /// </summary>
    private static async Task<string[]> ExplicitLengthCopiesAsync(IEnumerable<string> files, string folder)
    {
        Directory.CreateDirectory(folder);
        var copies = new List<string>();
        foreach (var file in files)
        {
            var copy = Path.Combine(folder, Path.GetFileName(file));
            var result = await ProcessRunner.RunDcmtkAsync("dcmconv", TimeSpan.FromSeconds(30), "+e", file, copy);
            Assert.True(result.ExitCode == 0, result.ToString());
            copies.Add(copy);
        }
        return [.. copies];
    }

    /// <summary>A Part 10 file's data set: what follows the preamble and the file meta group (whose length is its first element).</summary>
    private static byte[] DatasetBytes(string path)
    {
        var bytes = File.ReadAllBytes(path);
        Assert.Equal("DICM"u8.ToArray(), bytes[128..132]);
        var metaLength = BitConverter.ToUInt32(bytes, 140); // (0002,0000) UL: tag 4, VR 2, length 2, then the value
        return bytes[(144 + (int)metaLength)..];
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
