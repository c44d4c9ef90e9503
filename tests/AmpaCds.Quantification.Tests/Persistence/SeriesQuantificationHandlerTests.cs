using System.Text.Json;
using AmpaCds.Contracts.Messages;
using AmpaCds.Persistence.Messaging;
using AmpaCds.Quantification.Consumers;
using AmpaCds.Quantification.Longitudinal;
using AmpaCds.Quantification.Persistence;
using AmpaCds.Quantification.Pipeline;
using AmpaCds.Quantification.Tests.Persistence.Support;
using AmpaCds.ServiceDefaults.Storage;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace AmpaCds.Quantification.Tests.Persistence;

/// <summary>
/// Exactly one answer per input: the handler with its real database (each provider below), blob store
/// and quantifier; the outbox rows are what would be published.
/// </summary>
public abstract class SeriesQuantificationHandlerTests : IAsyncLifetime
{
    private readonly string _blobRoot = Path.Combine(Path.GetTempPath(), $"ampacds-handler-blobs-{Guid.NewGuid():N}");
    private readonly FakeTimeProvider _clock = new(new DateTimeOffset(2026, 3, 1, 12, 0, 0, TimeSpan.Zero));
    private TestDatabase? _database;
    private ServiceProvider? _services;
    private string _prefix = "";
    private FileSystemBlobStore? _blobs;

    private ServiceProvider Services => _services!;

    private static SimulatedSeries Series => SimulatedSeries.Instance;

    protected abstract Task<TestDatabase> CreateDatabaseAsync();

    public async Task InitializeAsync()
    {
        var blobs = _blobs = new FileSystemBlobStore(_blobRoot);
        _prefix = await Series.StoreAsync(blobs);
        _database = await CreateDatabaseAsync();
        _services = await QuantificationTestServices.BuildAsync(_database, _clock, blobs);
    }

    public async Task DisposeAsync()
    {
        if (_services is not null)
        {
            await _services.DisposeAsync();
        }
        if (_database is not null)
        {
            await _database.DisposeAsync();
        }
        Directory.Delete(_blobRoot, recursive: true);
    }

    [Fact]
    public async Task TheSameMessageDeliveredTwiceIsMeasuredAndPublishedOnce()
    {
        var delivery = Received("hash-1");

        Assert.True(await HandleAsync(delivery));
        _clock.Advance(TimeSpan.FromMinutes(1));
        Assert.False(await HandleAsync(delivery));

        var row = await Services.QueryAsync(db => db.StudyResults.SingleAsync());
        Assert.Equal(Series.SeriesInstanceUid, row.SeriesInstanceUid);
        Assert.Equal("hash-1", row.InputHash);
        Assert.Equal(_clock.GetUtcNow().AddMinutes(-1).UtcTicks, row.MeasuredAtUtcTicks);
        Assert.NotEqual("P-HANDLER", row.PatientKey);
        Assert.Equal(32, row.PatientKey!.Length);
        var input = await Services.QueryAsync(db => db.QuantifiedInputs.SingleAsync());
        Assert.Equal(QuantificationOutcome.Measured, input.Outcome);
        Assert.Equal(delivery.CorrelationId, input.CorrelationId);
        var measured = Assert.Single(await OutboxAsync<RegionalUptakeMeasured>());
        Assert.Equal("hash-1", measured.Message.InputHash);
        Assert.Equal(delivery.CorrelationId, measured.Message.CorrelationId);
        Assert.Equal(delivery.MessageId, measured.Row.ParentMessageId);
        Assert.NotEmpty(measured.Message.Regions);
        Assert.Equal(1, await Services.QueryAsync(db => db.Inbox.CountAsync()));
    }

    [Fact]
    public async Task AReceivedSeriesWhoseContentWasQuantifiedIsSkippedAndChangedContentIsMeasured()
    {
        Assert.True(await HandleAsync(Received("hash-1")));

        // Intake announced the same content again (a re-send): a new message, the same hash.
        Assert.False(await HandleAsync(Received("hash-1")));
        Assert.Equal(1, await Services.QueryAsync(db => db.StudyResults.CountAsync()));
        Assert.Single(await OutboxAsync<RegionalUptakeMeasured>());

        // Changed content: a new version is measured.
        Assert.True(await HandleAsync(Received("hash-2")));
        var hashes = await Services.QueryAsync(db => db.StudyResults.OrderBy(row => row.InputHash).Select(row => row.InputHash).ToListAsync());
        Assert.Equal(["hash-1", "hash-2"], hashes);
        Assert.Equal(["hash-1", "hash-2"], (await OutboxAsync<RegionalUptakeMeasured>()).Select(m => m.Message.InputHash).Order());
    }

    [Fact]
    public async Task AnExplicitRequestMeasuresAgainEvenForQuantifiedContent()
    {
        Assert.True(await HandleAsync(Received("hash-1")));
        _clock.Advance(TimeSpan.FromHours(1));

        var request = Requested("hash-1");
        Assert.True(await HandleAsync(request));
        Assert.False(await HandleAsync(request));

        Assert.Equal(2, await Services.QueryAsync(db => db.StudyResults.CountAsync(row => row.InputHash == "hash-1")));
        Assert.Equal(2, await Services.QueryAsync(db => db.QuantifiedInputs.CountAsync()));
        var messages = await OutboxAsync<RegionalUptakeMeasured>();
        Assert.Equal(2, messages.Count);
        var again = Assert.Single(messages, m => m.Message.CorrelationId == request.CorrelationId);
        Assert.Equal("hash-1", again.Message.InputHash);
        Assert.Equal(_clock.GetUtcNow(), again.Message.MeasuredAt);
        // The same study measured again is not its own baseline.
        Assert.Null(again.Message.Longitudinal);
    }

    [Fact]
    public async Task AnUnquantifiableInputIsAnsweredOnceAsAFailure()
    {
        var delivery = Received("hash-empty") with { SeriesBlobPrefix = "intake/series/nothing-here/" };

        Assert.True(await HandleAsync(delivery));
        Assert.False(await HandleAsync(delivery with { MessageId = Guid.NewGuid(), CorrelationId = Guid.NewGuid() }));

        var failed = Assert.Single(await OutboxAsync<QuantificationFailed>());
        Assert.Contains("no stored instances", failed.Message.Reason, StringComparison.Ordinal);
        Assert.Equal(QuantificationOutcome.Failed, (await Services.QueryAsync(db => db.QuantifiedInputs.SingleAsync())).Outcome);
        Assert.Equal(0, await Services.QueryAsync(db => db.StudyResults.CountAsync()));
        Assert.Empty(await OutboxAsync<RegionalUptakeMeasured>());
    }

    [Fact]
    public async Task AFollowUpMeasuredUnderAnotherCorrectionThanItsBaselineIsPublishedWithTheReasonAndNoChange()
    {
        // An earlier, uncorrected study of the same patient (undated, measured the day before) on the same atlas and reference.
        var options = new QuantificationOptions();
        await Services.InScopeAsync(async scope =>
        {
            scope.GetRequiredService<StudyResultRepository>().AddResult(PatientKey.For("P-HANDLER", options.PatientKeySecret), "hash-0",
                new StoredStudyResult("1.2.3.77", "1.2.3.77.1", null, _clock.GetUtcNow().AddDays(-1), options.ReferenceRegion,
                    "ampacds-builtin-ellipsoid-1.0", [new StoredRegion("thalamus", 1.1, 0.2)], null, "none"));
            return await scope.GetRequiredService<QuantificationDbContext>().SaveChangesAsync();
        });
        var gtmOptions = new QuantificationOptions { PartialVolume = new PartialVolumeOptions { Method = "gtm" } };
        await using var gtm = await QuantificationTestServices.BuildAsync(_database!, _clock, _blobs, gtmOptions);

        var request = Received("hash-gtm");
        Assert.True(await gtm.InScopeAsync(scope => scope.GetRequiredService<SeriesQuantificationHandler>()
            .HandleAsync(request, new MessageLineage(request.CorrelationId, null, request.MessageId), CancellationToken.None)));

        var corrected = Assert.Single(await OutboxAsync<RegionalUptakeMeasured>()).Message;
        Assert.Null(corrected.Longitudinal);
        Assert.Null(corrected.Maps!.ChangeMap);
        Assert.Equal("the baseline study was measured with partial-volume correction 'none', the study was measured with 'gtm'", corrected.LongitudinalNotCompared);
        var stored = await Services.QueryAsync(db => db.StudyResults.SingleAsync(row => row.InputHash == "hash-gtm"));
        Assert.Equal(("gtm", (double?)5.0), (stored.PartialVolumeMethod, stored.PartialVolumeFwhmMm));

        // Measured again without correction, it is compared with that baseline as before.
        _clock.Advance(TimeSpan.FromHours(1));
        Assert.True(await HandleAsync(Requested("hash-plain")));
        var plain = Assert.Single(await OutboxAsync<RegionalUptakeMeasured>(), m => m.Message.InputHash == "hash-plain").Message;
        Assert.Null(plain.LongitudinalNotCompared);
        Assert.Equal("1.2.3.77", plain.Longitudinal!.BaselineStudyInstanceUid);
        Assert.Equal(plain.Regions.Single(r => r.Name == "thalamus").Suvr - 1.1, Assert.Single(plain.Longitudinal.Regions).SuvrChange, 12);
    }

    private SeriesQuantificationRequest Received(string inputHash) =>
        new(QuantifyReceivedSeriesConsumer.InboxName, Guid.NewGuid(), Guid.NewGuid(), Series.StudyInstanceUid, Series.SeriesInstanceUid,
            _prefix, inputHash, SkipWhenAlreadyQuantified: true);

    private SeriesQuantificationRequest Requested(string inputHash) =>
        new(QuantifyRequestedSeriesConsumer.InboxName, Guid.NewGuid(), Guid.NewGuid(), Series.StudyInstanceUid, Series.SeriesInstanceUid,
            _prefix, inputHash, SkipWhenAlreadyQuantified: false);

    /// <summary>One delivery in its own scope, as a consumer gets it.</summary>
    private Task<bool> HandleAsync(SeriesQuantificationRequest request) =>
        Services.InScopeAsync(scope => scope.GetRequiredService<SeriesQuantificationHandler>()
            .HandleAsync(request, new MessageLineage(request.CorrelationId, null, request.MessageId), CancellationToken.None));

    private async Task<IReadOnlyList<(OutboxMessage Row, T Message)>> OutboxAsync<T>()
    {
        var name = MessageTypeRegistry.NameOf(typeof(T));
        var rows = await Services.QueryAsync(db => db.Outbox.Where(row => row.MessageType == name).ToListAsync());
        return [.. rows.Select(row => (row, JsonSerializer.Deserialize<T>(row.Body, OutboxJson.Options)!))];
    }
}

public sealed class SqliteSeriesQuantificationHandlerTests : SeriesQuantificationHandlerTests
{
    protected override Task<TestDatabase> CreateDatabaseAsync() => Task.FromResult<TestDatabase>(new SqliteTestDatabase());
}

public sealed class PostgresSeriesQuantificationHandlerTests : SeriesQuantificationHandlerTests
{
    protected override async Task<TestDatabase> CreateDatabaseAsync() => await PostgresTestDatabase.CreateAsync();
}
