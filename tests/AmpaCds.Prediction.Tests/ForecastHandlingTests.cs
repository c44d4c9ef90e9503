using System.Text.Json;
using AmpaCds.Contracts.Messages;
using AmpaCds.Persistence.Messaging;
using AmpaCds.Prediction.Persistence;
using AmpaCds.Prediction.Registry;
using AmpaCds.Prediction.Service;
using AmpaCds.Prediction.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace AmpaCds.Prediction.Tests;

/// <summary>
/// The forecast consumer's effect through the inbox runner on the real providers: one forecast per message, one per
/// (study, input hash, model), the outbox carrying what is published; and replicas converging on an activation.
/// </summary>
public abstract class ForecastHandlingTests(string provider) : IAsyncLifetime
{
    private readonly DirectoryInfo _models = Directory.CreateTempSubdirectory("ampacds-prediction-models-");
    private readonly FakeTimeProvider _clock = new(new DateTimeOffset(2026, 12, 4, 12, 0, 0, TimeSpan.Zero));
    private PredictionDatabase _database = null!;
    private ActiveModel _active = null!;

    public async Task InitializeAsync()
    {
        _database = await PredictionDatabase.CreateAsync(provider, _clock);
        _active = NewReplica();
        _active.Register(SharedModels.Default);
        _active.Register(SharedModels.Other);
        _active.Activate(SharedModels.Default.Version);
    }

    public async Task DisposeAsync()
    {
        _active.Dispose();
        await _database.DisposeAsync();
        _models.Delete(recursive: true);
    }

    [Fact]
    public async Task The_same_message_twice_gives_one_forecast_and_one_outgoing_message()
    {
        var message = Measured("1.2.3.1", "hash-a");
        var messageId = Guid.NewGuid();

        Assert.True(await HandleAsync(messageId, message));
        Assert.False(await HandleAsync(messageId, message)); // a redelivery

        var forecast = Assert.Single(await ForecastsAsync("1.2.3.1"));
        Assert.Equal("hash-a", forecast.InputHash);
        Assert.Equal(SharedModels.Default.Version, forecast.ModelVersion);
        Assert.Equal(message.CorrelationId, forecast.CorrelationId);
        Assert.Equal(SharedModels.Default.Forecast(SharedModels.PatientSuvr()).Forecast.ResponseProbability, forecast.ResponseProbability);
        var features = JsonDocument.Parse(forecast.Features).RootElement;
        Assert.Equal(SharedModels.PatientSuvr()["lateral_habenula"], features.GetProperty("suvr").GetProperty("lateral_habenula").GetDouble());
        var issued = Assert.Single(await IssuedAsync());
        Assert.Equal("hash-a", issued.InputHash);
        Assert.Equal(forecast.ResponseProbability, issued.ResponseProbability);
    }

    [Fact]
    public async Task A_new_request_for_the_same_input_and_model_republishes_the_stored_forecast_without_a_new_row()
    {
        Assert.True(await HandleAsync(Guid.NewGuid(), Measured("1.2.3.2", "hash-b")));
        _clock.Advance(TimeSpan.FromMinutes(5));
        Assert.True(await HandleAsync(Guid.NewGuid(), Measured("1.2.3.2", "hash-b")));

        var forecast = Assert.Single(await ForecastsAsync("1.2.3.2"));
        var issued = await IssuedAsync();
        Assert.Equal(2, issued.Count);
        Assert.All(issued, message =>
        {
            Assert.Equal(forecast.ResponseProbability, message.ResponseProbability);
            Assert.Equal(forecast.ExpectedMadrsChangePercent, message.ExpectedMadrsChangePercent);
            Assert.Equal(forecast.IssuedAtUtcTicks, message.IssuedAt.UtcTicks); // the stored forecast, not a new one
            Assert.Equal("hash-b", message.InputHash);
        });

        // Changed content (new hash) or another model is a new forecast.
        Assert.True(await HandleAsync(Guid.NewGuid(), Measured("1.2.3.2", "hash-c")));
        _active.Activate(SharedModels.Other.Version);
        Assert.True(await HandleAsync(Guid.NewGuid(), Measured("1.2.3.2", "hash-c")));
        var rows = await ForecastsAsync("1.2.3.2");
        Assert.Equal(3, rows.Count);
        Assert.Equal([SharedModels.Default.Version, SharedModels.Default.Version, SharedModels.Other.Version],
            rows.OrderBy(row => row.IssuedAtUtcTicks).Select(row => row.ModelVersion));
    }

    [Fact]
    public async Task A_study_corrected_for_partial_volume_is_refused_by_a_model_trained_without_correction()
    {
        // The shared models' cards predate the field: they count as trained on uncorrected SUVR.
        var measured = Measured("1.2.3.9", "hash-pvc") with { PartialVolume = new PartialVolumeCorrection("gtm", 5.0, 5.69) };

        Assert.True(await HandleAsync(Guid.NewGuid(), measured));

        Assert.Empty(await ForecastsAsync("1.2.3.9"));
        var outbox = await _database.InScopeAsync(services => services.GetRequiredService<PredictionDbContext>().Outbox.AsNoTracking().ToListAsync());
        var failed = JsonSerializer.Deserialize<PredictionFailed>(Assert.Single(outbox).Body, OutboxJson.Options)!;
        Assert.Equal($"model {SharedModels.Default.Version} was built with partial-volume correction 'none', the study was measured with 'gtm'", failed.Reason);

        // The same study without correction (or from a sender that predates the field) is forecast as before.
        Assert.True(await HandleAsync(Guid.NewGuid(), Measured("1.2.3.9", "hash-plain") with { PartialVolume = PartialVolumeCorrection.None }));
        Assert.Single(await ForecastsAsync("1.2.3.9"));
    }

    [Fact]
    public async Task Refused_features_publish_PredictionFailed_and_store_no_forecast()
    {
        var measured = Measured("1.2.3.3", "hash-d");
        measured = measured with { Regions = [.. measured.Regions, new RegionalUptake("dorsolateral_prefrontal", 1, 1.2, 10, 1)] };

        Assert.True(await HandleAsync(Guid.NewGuid(), measured));

        Assert.Empty(await ForecastsAsync("1.2.3.3"));
        var outbox = await _database.InScopeAsync(services => services.GetRequiredService<PredictionDbContext>().Outbox.AsNoTracking().ToListAsync());
        var failed = Assert.Single(outbox);
        Assert.Equal(MessageTypeRegistry.Contracts.NameFor(typeof(PredictionFailed)), failed.MessageType);
        Assert.Contains("dorsolateral_prefrontal", failed.Body, StringComparison.Ordinal);
    }

    [Fact]
    public void A_second_replica_sees_an_activation_within_the_refresh_interval()
    {
        using var replica = NewReplica();
        using (var lease = replica.Acquire())
        {
            Assert.Equal(SharedModels.Default.Version, lease.Model.Version);
        }

        _active.Activate(SharedModels.Other.Version);

        using (var here = _active.Acquire())
        {
            Assert.Equal(SharedModels.Other.Version, here.Model.Version); // at once where it was activated
        }
        _clock.Advance(TimeSpan.FromSeconds(1.9));
        using (var stale = replica.Acquire())
        {
            Assert.Equal(SharedModels.Default.Version, stale.Model.Version); // still within its cache interval
        }
        _clock.Advance(TimeSpan.FromSeconds(0.1));
        using (var fresh = replica.Acquire())
        {
            Assert.Equal(SharedModels.Other.Version, fresh.Model.Version);
        }
    }

    [Fact]
    public void The_shipped_default_model_is_recorded_and_activated_in_an_empty_database_once()
    {
        var services = _database.Services;
        var freshFolder = new ModelRegistry(Path.Combine(_models.FullName, "fresh"));
        var catalog = services.GetRequiredService<IModelCatalog>();
        // This database already has an active model: left alone.
        Assert.Equal(SharedModels.Default.Version, ShippedDefaultModel.EnsureInstalled(freshFolder, catalog));

        // A database with none active gets the shipped model.
        var empty = new EmptyCatalog();
        var installed = ShippedDefaultModel.EnsureInstalled(freshFolder, empty);
        Assert.Equal(installed, empty.Active);
        Assert.Equal(installed, Assert.Single(empty.Recorded));
        Assert.True(freshFolder.Contains(installed));
    }

    private static readonly AmpaCds.Prediction.Diagnostics.PredictionMetrics Metrics = new(
        new ServiceCollection().AddMetrics().BuildServiceProvider().GetRequiredService<System.Diagnostics.Metrics.IMeterFactory>());

    private ActiveModel NewReplica() =>
        new(new ModelRegistry(_models.FullName), _database.Services.GetRequiredService<IModelCatalog>(), _clock, TimeSpan.FromSeconds(2));

    private Task<bool> HandleAsync(Guid messageId, RegionalUptakeMeasured message) =>
        _database.InScopeAsync(services =>
        {
            var handler = new ForecastHandler(_active, services.GetRequiredService<MessageOutbox>(), _clock, Metrics,
                Microsoft.Extensions.Logging.Abstractions.NullLogger<ForecastHandler>.Instance);
            return services.GetRequiredService<IdempotentEffectRunner<PredictionDbContext>>().RunOnceAsync(messageId, ForecastConsumer.ConsumerName,
                (db, cancellationToken) => handler.HandleAsync(db, message, new MessageLineage(message.CorrelationId, null, messageId), cancellationToken),
                CancellationToken.None);
        });

    private Task<List<IssuedForecastRow>> ForecastsAsync(string study) =>
        _database.InScopeAsync(services => services.GetRequiredService<PredictionDbContext>().IssuedForecasts.AsNoTracking()
            .Where(row => row.SubjectKey == study).ToListAsync());

    private async Task<List<ResponseForecastIssued>> IssuedAsync()
    {
        var name = MessageTypeRegistry.Contracts.NameFor(typeof(ResponseForecastIssued));
        var rows = await _database.InScopeAsync(services => services.GetRequiredService<PredictionDbContext>().Outbox.AsNoTracking()
            .Where(row => row.MessageType == name).OrderBy(row => row.CreatedAtUtcTicks).ToListAsync());
        return rows.Select(row => JsonSerializer.Deserialize<ResponseForecastIssued>(row.Body, OutboxJson.Options)!).ToList();
    }

    private static RegionalUptakeMeasured Measured(string study, string inputHash) =>
        new(Guid.NewGuid(), study, study + ".1",
            SharedModels.PatientSuvr().Select(pair => new RegionalUptake(pair.Key, pair.Value * 2, pair.Value, 100, 1)).ToList(),
            "whole_brain", 2, new RegistrationQuality(0.9, true, "ok", 0.8, 1, 1, 1, 1), "k2-atlas-1", 1, DateTimeOffset.UnixEpoch)
        {
            InputHash = inputHash,
        };

    private sealed class EmptyCatalog : IModelCatalog
    {
        public string? Active { get; private set; }

        public List<string> Recorded { get; } = [];

        public string? ReadActiveVersion() => Active;

        public void Record(Prediction.Model.ModelCard card) => Recorded.Add(card.Version);

        public string? Activate(string version)
        {
            var previous = Active;
            Active = version;
            return previous;
        }
    }
}

public sealed class SqliteForecastHandlingTests() : ForecastHandlingTests("Sqlite");

public sealed class PostgresForecastHandlingTests() : ForecastHandlingTests("Postgres");
