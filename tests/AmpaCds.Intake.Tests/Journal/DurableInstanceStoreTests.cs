using AmpaCds.Intake.Storage;
using AmpaCds.Intake.Storage.Journal;
using System.Diagnostics.Metrics;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace AmpaCds.Intake.Tests.Journal;

/// <summary>The journal path end to end over real files, with 1 MiB segments so a few dozen instances fill several.</summary>
public sealed class DurableInstanceStoreTests : IDisposable
{
    private static readonly Dictionary<string, string?> SmallSegments = new() { ["AmpaCds:Intake:Journal:SegmentMegabytes"] = "1" };
    private readonly IntakeHarness _harness = new(settings: SmallSegments);

    private static byte[] Instance(int index) => Enumerable.Range(0, 30_000).Select(i => (byte)(i * 7 + index)).ToArray();

    [Fact]
    public async Task InstancesAcrossSeveralSegmentRotationsAllReachTheirFilesIntact()
    {
        Assert.True(_harness.Store.UsesJournal);
        for (var index = 0; index < 100; index++) // 100 x 32 KiB records = 3 segments of 1 MiB
        {
            await _harness.Store.StoreAsync($"studies/s/r/instances/{index}.dcm", Instance(index), CancellationToken.None);
        }
        for (var index = 0; index < 100; index++)
        {
            Assert.Equal(Instance(index), await _harness.Blobs.GetAsync($"studies/s/r/instances/{index}.dcm"));
        }
        _harness.KeepFolder = true;
        _harness.Stop(); // the segments are locked while Intake runs
        var generations = Directory.GetFiles(JournalFolder, "segment-*.wal").Select(JournalSegment.ReadGeneration).Order().ToList();
        Assert.True(generations[1] >= 4, $"segments should have rotated at least 3 times, generations {string.Join(",", generations)}");
    }

    [Fact]
    public async Task ConcurrentWritersAcrossSegmentRotationsAllReachTheirFilesIntact()
    {
        // 8 writers x 25 instances of 30 KB into 1 MiB segments: group flushes, rotations while flushes run.
        await Task.WhenAll(Enumerable.Range(0, 8).Select(writer => Task.Run(async () =>
        {
            for (var index = writer * 25; index < (writer + 1) * 25; index++)
            {
                await _harness.Store.StoreAsync($"studies/s/r/instances/{index}.dcm", Instance(index), CancellationToken.None);
            }
        })));

        for (var index = 0; index < 200; index++)
        {
            Assert.Equal(Instance(index), await _harness.Blobs.GetAsync($"studies/s/r/instances/{index}.dcm"));
        }
    }

    [Fact]
    public async Task FlushMetricsCountEveryFlushAndEveryInstanceItMadeDurable()
    {
        using var recorded = new JournalFlushRecorder(_harness.Services.GetRequiredService<IMeterFactory>());
        // Alone: one flush per instance.
        for (var index = 0; index < 5; index++)
        {
            await _harness.Store.StoreAsync($"studies/s/r/instances/lone-{index}.dcm", Instance(index), CancellationToken.None);
        }
        Assert.Equal((5, 5), (recorded.Flushes, recorded.Instances));

        // 8 writers at once: every instance counted in exactly one flush's batch (whether flushes are shared depends on
        // the device's flush time; GroupCommitterTests prove the sharing with a held flush).
        await Task.WhenAll(Enumerable.Range(0, 8).Select(writer => Task.Run(async () =>
        {
            for (var index = 0; index < 10; index++)
            {
                await _harness.Store.StoreAsync($"studies/s/r/instances/{writer}-{index}.dcm", Instance(index), CancellationToken.None);
            }
        })));
        Assert.Equal(85, recorded.Instances);
        Assert.InRange(recorded.Flushes, 6, 85);
        Assert.Equal(recorded.Flushes, recorded.Durations);
    }

    [Fact]
    public async Task ReadsThroughTheProcessBlobStoreSeeAnInstanceAsSoonAsItIsAcknowledged()
    {
        await _harness.Store.StoreAsync("studies/s/r/instances/a.dcm", Instance(1), CancellationToken.None);
        // The file writer waits for a pause in arrivals; a read must not.
        Assert.True(_harness.Blobs.Exists("studies/s/r/instances/a.dcm"));
        Assert.Equal(["studies/s/r/instances/a.dcm"], _harness.Blobs.List("studies/"));
    }

    [Fact]
    public async Task AnInstanceLargerThanAQuarterSegmentBypassesTheJournalAndIsStillDurable()
    {
        var large = new byte[400_000];
        Random.Shared.NextBytes(large);
        await _harness.Store.StoreAsync("studies/s/r/instances/large.dcm", large, CancellationToken.None);

        Assert.Equal(large, await File.ReadAllBytesAsync(Path.Combine(_harness.Folder, "blobs", "studies", "s", "r", "instances", "large.dcm")));
    }

    [Fact]
    public async Task AfterACleanStopTheCheckpointCoversEverythingAndARestartReplaysNothing()
    {
        for (var index = 0; index < 10; index++)
        {
            await _harness.Store.StoreAsync($"studies/s/r/instances/{index}.dcm", Instance(index), CancellationToken.None);
        }
        _harness.KeepFolder = true;
        _harness.Stop();

        using var journal = InstanceJournal.Open(JournalFolder, 1 << 20);
        Assert.Empty(journal.Uncheckpointed());
        Assert.Equal(10, Directory.GetFiles(Path.Combine(_harness.Folder, "blobs", "studies", "s", "r", "instances"), "*.dcm").Length);
    }

    [Fact]
    public async Task WhileInstanceFilesCannotBeWrittenTheHealthCheckIsDegradedAndTheFileFollowsOnceTheDiskAcceptsIt()
    {
        // A plain file where the series folder must go: creating the instance's folder fails until it is removed.
        var blocker = Path.Combine(_harness.Folder, "blobs", "studies", "blocked");
        Directory.CreateDirectory(Path.GetDirectoryName(blocker)!);
        await File.WriteAllTextAsync(blocker, "not a folder");
        var check = new InstanceJournalHealthCheck(_harness.Store);

        await _harness.Store.StoreAsync("studies/blocked/r/instances/a.dcm", Instance(5), CancellationToken.None); // durable: accepted
        var degraded = await WaitForAsync(check, HealthStatus.Degraded);
        Assert.Contains("1 acknowledged instances wait in the journal", degraded.Description);

        File.Delete(blocker);
        var healthy = await WaitForAsync(check, HealthStatus.Healthy);
        Assert.Equal(0L, healthy.Data["pendingFiles"]);
        Assert.Equal(Instance(5), await _harness.Blobs.GetAsync("studies/blocked/r/instances/a.dcm"));
    }

    /// <summary>The file writer retries once a second; a few seconds are plenty.</summary>
    private static async Task<HealthCheckResult> WaitForAsync(InstanceJournalHealthCheck check, HealthStatus wanted)
    {
        var result = await check.CheckHealthAsync(new HealthCheckContext());
        for (var attempt = 0; attempt < 100 && result.Status != wanted; attempt++)
        {
            await Task.Delay(100);
            result = await check.CheckHealthAsync(new HealthCheckContext());
        }
        Assert.True(result.Status == wanted, $"health stayed {result.Status}: {result.Description}");
        return result;
    }

    private string JournalFolder => Path.Combine(_harness.Folder, "blobs", DurableInstanceStore.JournalFolderKey);

    public void Dispose()
    {
        _harness.KeepFolder = false;
        _harness.Dispose();
        if (Directory.Exists(_harness.Folder))
        {
            Directory.Delete(_harness.Folder, recursive: true);
        }
    }
}
