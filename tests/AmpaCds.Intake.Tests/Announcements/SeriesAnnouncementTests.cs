using AmpaCds.Contracts.Messages;
using AmpaCds.Dicom;
using AmpaCds.Dicom.Network;
using AmpaCds.Intake.Persistence;
using AmpaCds.Intake.Series;
using AmpaCds.Persistence.Messaging;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace AmpaCds.Intake.Tests.Announcements;

/// <summary>
/// Each distinct content of a series is announced once, on the real database: the cases run on SQLite
/// and on PostgreSQL (the subclasses). Each test uses its own series and blob folder; the class shares a database.
/// </summary>
public abstract class SeriesAnnouncementTests(IntakeDatabase database) : IDisposable
{
    private readonly string _seriesUid = $"{PetDatasets.SeriesUid}.{Random.Shared.Next(1, int.MaxValue)}";
    private readonly List<IntakeHarness> _harnesses = [];
    private readonly FakeTimeProvider _clock = new(new DateTimeOffset(2026, 12, 4, 12, 0, 0, TimeSpan.Zero));

    [Fact]
    public async Task TheSameInstancesTwiceAreAnnouncedOnce()
    {
        var intake = await StartAsync();
        await SendAsync(intake, 3, [0, 1, 2]);
        var first = await CompleteAsync(intake);
        await SendAsync(intake, 3, [0, 1, 2]);
        var second = await CompleteAsync(intake);

        Assert.True(first.Announced);
        Assert.False(second.Announced);
        Assert.Equal(1, second.Version);
        Assert.Equal(first.InputHash, second.InputHash);
        var announcement = Assert.Single(await AnnouncementsAsync(intake));
        Assert.Equal(ManifestChangeSummary.FirstVersion, announcement.ChangeSummary);
        Assert.Equal(3, announcement.InstanceCount);
        var received = Assert.Single(await OutboxAsync<PetSeriesReceived>(intake));
        Assert.Equal(first.InputHash, received.InputHash);
        Assert.Equal(1, received.SeriesVersion);
        Assert.Equal(announcement.CorrelationId, received.CorrelationId);
        Assert.Single(await OutboxAsync<StudyDemographicsCaptured>(intake));
    }

    [Fact]
    public async Task TheReceiptIsAuditedInTheAnnouncementsCommit_WithTheSenderAndThePatient()
    {
        var intake = await StartAsync();
        await SendAsync(intake, 3, [0, 1, 2]);
        await intake.Services.GetRequiredService<SeriesCompletionHandler>().HandleAsync(
            new CompletedSeries(PetDatasets.StudyUid, _seriesUid, [], SeriesTracker.ByNumberOfSlices) { Source = "PACS_AE@192.0.2.5:104" },
            CancellationToken.None);

        var announcement = Assert.Single(await AnnouncementsAsync(intake));
        await using var scope = intake.Services.CreateAsyncScope();
        var name = MessageTypeRegistry.NameOf(typeof(AuditEventRecorded));
        var bodies = await scope.ServiceProvider.GetRequiredService<IntakeDbContext>().Outbox.AsNoTracking()
            .Where(row => row.MessageType == name && row.CorrelationId == announcement.CorrelationId).Select(row => row.Body).ToListAsync();
        var audit = System.Text.Json.JsonSerializer.Deserialize<AuditEventRecorded>(Assert.Single(bodies), OutboxJson.Options)!;
        Assert.Equal(("intake", "StudyReceived", 0), (audit.Source, audit.Kind, audit.Outcome));
        Assert.Equal(("PACS_AE", "192.0.2.5"), (audit.UserId, audit.NetworkAddress));
        Assert.Equal(
            [new AuditParticipantObject("Patient", "T1", "Test^Patient"), new AuditParticipantObject("Study", PetDatasets.StudyUid, null)],
            audit.Objects);
        Assert.DoesNotContain("T1", audit.Detail, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("PACS_AE@192.0.2.5:104", "PACS_AE", "192.0.2.5")]
    [InlineData("STOW-RS@10.1.2.3", "STOW-RS", "10.1.2.3")]
    [InlineData("STOW-RS@", "STOW-RS", null)]
    [InlineData(null, "unknown (recovered at start)", null)]
    public void TheSenderOfASeriesIsItsAeTitleOrStowAndItsAddress(string? source, string user, string? address)
    {
        var actor = SeriesAnnouncer.SenderOf(source);

        Assert.Equal((user, address), (actor.UserId, actor.NetworkAddress));
    }

    [Fact]
    public async Task OneInstanceWithOtherBytesIsVersionTwo()
    {
        var intake = await StartAsync();
        await SendAsync(intake, 3, [0, 1, 2]);
        var first = await CompleteAsync(intake);
        await SendAsync(intake, 3, [0, 1, 2], changed: 1);
        var second = await CompleteAsync(intake);

        Assert.True(second.Announced);
        Assert.Equal(2, second.Version);
        Assert.Equal("1 instance replaced", second.ChangeSummary);
        Assert.NotEqual(first.InputHash, second.InputHash);
        var received = (await OutboxAsync<PetSeriesReceived>(intake)).OrderBy(message => message.SeriesVersion).ToList();
        Assert.Equal([1, 2], received.Select(message => message.SeriesVersion));
        Assert.Equal(second.InputHash, received[1].InputHash);
        Assert.Equal("1 instance replaced", received[1].ChangeSummary);
        Assert.NotEqual(received[0].CorrelationId, received[1].CorrelationId);
        Assert.Equal(3, await ManifestCountAsync(intake, 2));
    }

    [Fact]
    public async Task AnAddedInstanceIsVersionTwoThatSaysSo()
    {
        var intake = await StartAsync();
        await SendAsync(intake, 2, [0, 1]);
        await CompleteAsync(intake);
        await SendAsync(intake, 3, [2]);
        var second = await CompleteAsync(intake);

        Assert.Equal(2, second.Version);
        Assert.Equal("1 instance added", second.ChangeSummary);
        Assert.Equal(3, (await AnnouncementsAsync(intake)).Single(row => row.Version == 2).InstanceCount);
    }

    [Fact]
    public async Task AfterARestartAnIdenticalResendAnnouncesNothing()
    {
        var before = await StartAsync();
        await SendAsync(before, 3, [0, 1, 2]);
        var first = await CompleteAsync(before);
        before.KeepFolder = true;
        before.Stop();

        // A new process over the same database and blobs: recovery finds the content announced.
        var after = await StartAsync(before.Folder);
        await after.Services.GetRequiredService<IncompleteSeriesRecovery>().StartAsync(CancellationToken.None);
        Assert.Equal(0, after.Tracker.OpenSeriesCount);
        await SendAsync(after, 3, [0, 1, 2]);
        var resent = await CompleteAsync(after);

        Assert.False(resent.Announced);
        Assert.Equal(first.Version, resent.Version);
        Assert.Single(await AnnouncementsAsync(after));
        Assert.Single(await OutboxAsync<PetSeriesReceived>(after));
    }

    [Fact]
    public async Task RecoveryAnnouncesAStoredSeriesWhoseContentWasNeverAnnounced()
    {
        var before = await StartAsync();
        await SendAsync(before, 3, [0, 1, 2]); // stored, then "killed" before the announcement
        before.KeepFolder = true;
        before.Stop();

        var after = await StartAsync(before.Folder);
        await after.Services.GetRequiredService<IncompleteSeriesRecovery>().StartAsync(CancellationToken.None);
        // Complete by its Number of Slices: queued at once rather than waiting in the tracker.
        Assert.Equal(0, after.Tracker.OpenSeriesCount);
        var announced = await CompleteAsync(after);

        Assert.True(announced.Announced);
        Assert.Single(await OutboxAsync<PetSeriesReceived>(after));
    }

    [Fact]
    public async Task AShortSeriesIsAnnouncedOnlyAfterTheIncompleteTimeoutWithThatReason()
    {
        var intake = await StartAsync(settings: new Dictionary<string, string?>
        {
            ["AmpaCds:Intake:QuietPeriodSeconds"] = "10",
            ["AmpaCds:Intake:IncompleteSeriesTimeoutSeconds"] = "600",
        });
        var publisher = intake.Services.GetRequiredService<SeriesCompletionPublisher>();
        await publisher.StartAsync(CancellationToken.None);
        try
        {
            await SendAsync(intake, 4, [0, 1]);
            _clock.Advance(TimeSpan.FromSeconds(11)); // past the quiet period: a short series must keep waiting
            Assert.Empty(await AnnouncementsAsync(intake));
            _clock.Advance(TimeSpan.FromSeconds(590));

            var announcements = await AnnouncementsAsync(intake);
            for (var attempt = 0; attempt < 200 && announcements.Count == 0; attempt++)
            {
                await Task.Delay(50);
                _clock.Advance(TimeSpan.FromMilliseconds(500));
                announcements = await AnnouncementsAsync(intake);
            }
            var announcement = Assert.Single(announcements);
            // Had the quiet period released it, this would say "quiet-period" (the tracker lets a series go once).
            Assert.Equal(SeriesTracker.ByIncompleteTimeout, announcement.CompletionReason);
            Assert.Equal(2, announcement.InstanceCount);
            Assert.Equal(SeriesTracker.ByIncompleteTimeout, Assert.Single(await OutboxAsync<PetSeriesReceived>(intake)).CompletionReason);
        }
        finally
        {
            await publisher.StopAsync(CancellationToken.None);
        }
    }

    private async Task<IntakeHarness> StartAsync(string? folder = null, IReadOnlyDictionary<string, string?>? settings = null)
    {
        var values = new Dictionary<string, string?>(database.Settings);
        foreach (var (key, value) in settings ?? new Dictionary<string, string?>())
        {
            values[key] = value;
        }
        var harness = new IntakeHarness(folder: folder, settings: values, configure: services =>
        {
            services.AddSingleton<TimeProvider>(_clock);
            services.AddSingleton<IncompleteSeriesRecovery>();
            services.AddSingleton<SeriesCompletionPublisher>();
        });
        _harnesses.Add(harness);
        await using var scope = harness.Services.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<IntakeDbContext>().Database.MigrateAsync();
        return harness;
    }

    /// <summary>Stores the slices (Number of Slices <paramref name="slices"/>); <paramref name="changed"/> gets other pixel values.</summary>
    private async Task SendAsync(IntakeHarness intake, int slices, int[] indexes, int? changed = null)
    {
        foreach (var index in indexes)
        {
            var slice = PetDatasets.Slice(index, slices, _seriesUid);
            if (index == changed)
            {
                DicomPixelData.SetPixelData(slice, 4, 4, Enumerable.Repeat((ushort)7, 16).ToArray());
            }
            Assert.Null(await intake.Intake.AcceptAsync(PetDatasets.Encode(slice), TransferSyntax.ExplicitVRLittleEndian,
                DicomUids.PetImageStorage, PetDatasets.SopInstance(slice), "test", CancellationToken.None));
        }
    }

    /// <summary>What the publisher does with a completed series, called directly so the test needs no timing.</summary>
    private Task<AnnouncementOutcome> CompleteAsync(IntakeHarness intake) =>
        intake.Services.GetRequiredService<SeriesCompletionHandler>().HandleAsync(
            new CompletedSeries(PetDatasets.StudyUid, _seriesUid, [], SeriesTracker.ByNumberOfSlices), CancellationToken.None);

    private async Task<List<SeriesAnnouncement>> AnnouncementsAsync(IntakeHarness intake)
    {
        await using var scope = intake.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<IntakeDbContext>().SeriesAnnouncements.AsNoTracking()
            .Where(row => row.SeriesInstanceUid == _seriesUid).ToListAsync();
    }

    private async Task<int> ManifestCountAsync(IntakeHarness intake, int version)
    {
        await using var scope = intake.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<IntakeDbContext>().AnnouncedInstances
            .CountAsync(row => row.SeriesInstanceUid == _seriesUid && row.Version == version);
    }

    /// <summary>The outbox rows of one type that belong to this test's series.</summary>
    private async Task<List<TMessage>> OutboxAsync<TMessage>(IntakeHarness intake)
    {
        await using var scope = intake.Services.CreateAsyncScope();
        var name = MessageTypeRegistry.NameOf(typeof(TMessage));
        var rows = await scope.ServiceProvider.GetRequiredService<IntakeDbContext>().Outbox.AsNoTracking()
            .Where(row => row.MessageType == name).Select(row => row.Body).ToListAsync();
        return rows.Select(body => System.Text.Json.JsonSerializer.Deserialize<TMessage>(body, OutboxJson.Options)!)
            .Where(message => message is PetSeriesReceived received ? received.SeriesInstanceUid == _seriesUid
                : message is StudyDemographicsCaptured header && header.SeriesInstanceUid == _seriesUid)
            .ToList();
    }

    public void Dispose()
    {
        foreach (var harness in _harnesses)
        {
            harness.KeepFolder = false;
            harness.Dispose();
        }
        GC.SuppressFinalize(this);
    }
}

public sealed class SqliteSeriesAnnouncementTests(SqliteIntakeDatabase database)
    : SeriesAnnouncementTests(database), IClassFixture<SqliteIntakeDatabase>;

public sealed class PostgresSeriesAnnouncementTests(PostgresIntakeDatabase database)
    : SeriesAnnouncementTests(database), IClassFixture<PostgresIntakeDatabase>;
