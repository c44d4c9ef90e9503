using System.Text.Json;
using AmpaCds.Domain.Clinical;
using AmpaCds.Prediction.Outcomes;
using AmpaCds.Prediction.Persistence;
using AmpaCds.Prediction.Registry;
using AmpaCds.Prediction.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace AmpaCds.Prediction.Tests;

/// <summary>Prediction's repositories on the real providers: forecasts and outcomes, model versions and activation.</summary>
public abstract class PredictionStoreTests(string provider) : IAsyncLifetime
{
    private PredictionDatabase _database = null!;

    public async Task InitializeAsync() => _database = await PredictionDatabase.CreateAsync(provider);

    public async Task DisposeAsync() => await _database.DisposeAsync();

    [Fact]
    public async Task The_initial_migration_is_the_one_applied()
    {
        var applied = await _database.InScopeAsync(services =>
            services.GetRequiredService<PredictionDbContext>().Database.GetAppliedMigrationsAsync());

        Assert.Equal([Persistence.Migrations.InitialPrediction.Id, "2026120503_OutboxTraceParent"], applied);
    }

    [Fact]
    public async Task Outcomes_pair_with_the_latest_forecast_and_the_latest_outcome_wins()
    {
        await _database.InScopeAsync(async services =>
        {
            var forecasts = services.GetRequiredService<ForecastRepository>();
            forecasts.Add("subject-a", "hash-1", "v1", new StoredForecastFeatures(Suvr(1.0)), 0.2, -10, null);
            forecasts.Add("subject-a", "hash-2", "v1", new StoredForecastFeatures(Suvr(1.1)), 0.7, -40, null);
            forecasts.Add("subject-b", "hash-3", "v1", new StoredForecastFeatures(Suvr(0.9)), 0.4, -20, null);
            await services.GetRequiredService<PredictionDbContext>().SaveChangesAsync();
            return 0;
        });
        await _database.InScopeAsync(async services =>
        {
            var outcomes = services.GetRequiredService<OutcomeRepository>();
            await outcomes.RecordAsync("subject-a", 30, 25, 40, Sex.Male, CancellationToken.None);
            await outcomes.RecordAsync("subject-a", 30, 12, 41, Sex.Female, CancellationToken.None); // a correction
            await Assert.ThrowsAsync<OutcomeStoreException>(() => outcomes.RecordAsync("never-forecast", 30, 10, null, null, CancellationToken.None));
            await Assert.ThrowsAsync<OutcomeStoreException>(() => outcomes.RecordAsync("subject-b", 30, 75, null, null, CancellationToken.None));
            return 0;
        });

        var (pairs, cohort, latest) = await _database.InScopeAsync(async services =>
        {
            var outcomes = services.GetRequiredService<OutcomeRepository>();
            return (await outcomes.PairsAsync(CancellationToken.None), await outcomes.ToCohortAsync(CancellationToken.None),
                await services.GetRequiredService<ForecastRepository>().LatestAsync(CancellationToken.None));
        });

        Assert.Equal(["subject-a", "subject-b"], latest.Keys.Order(StringComparer.Ordinal));
        var pair = Assert.Single(pairs);
        Assert.Equal("subject-a", pair.Forecast.SubjectKey);
        Assert.Equal(0.7, pair.Forecast.ResponseProbability);
        Assert.Equal(1.1, pair.Forecast.BaselineSuvr["lateral_habenula"]);
        Assert.Equal(12, pair.Outcome.FollowUpMadrs);
        Assert.Equal(Sex.Female, pair.Outcome.Sex);
        Assert.Equal(41, pair.Outcome.Age);
        var row = Assert.Single(cohort);
        Assert.Equal(-60, row.MadrsChangePercent!.Value, 9);
        Assert.True(row.Responder);
    }

    [Fact]
    public async Task Activation_leaves_exactly_one_active_row_and_names_the_previous_one()
    {
        var catalog = _database.Services.GetRequiredService<IModelCatalog>();
        catalog.Record(SharedModels.Default.Card);
        catalog.Record(SharedModels.Other.Card);
        catalog.Record(SharedModels.Other.Card); // again: no second row, no error

        Assert.Null(catalog.ReadActiveVersion());
        Assert.Null(catalog.Activate(SharedModels.Default.Version));
        Assert.Equal(SharedModels.Default.Version, catalog.Activate(SharedModels.Other.Version));
        Assert.Equal(SharedModels.Other.Version, catalog.Activate(SharedModels.Default.Version));
        Assert.Equal(SharedModels.Default.Version, catalog.Activate(SharedModels.Default.Version)); // already active: unchanged

        var rows = await _database.InScopeAsync(services =>
            services.GetRequiredService<PredictionDbContext>().ModelVersions.AsNoTracking().OrderBy(row => row.Version).ToListAsync());
        Assert.Equal(2, rows.Count);
        var active = Assert.Single(rows, row => row.IsActive);
        Assert.Equal(SharedModels.Default.Version, active.Version);
        Assert.NotNull(active.ActivatedAtUtcTicks);
        Assert.Equal(SharedModels.Default.Version, catalog.ReadActiveVersion());
        var unknown = Assert.Throws<UnknownModelVersionException>(() => catalog.Activate("k2-response-9.9.9+00000000"));
        Assert.Equal("k2-response-9.9.9+00000000", unknown.Version);
    }

    [Fact]
    public async Task The_database_refuses_a_second_active_row()
    {
        var catalog = _database.Services.GetRequiredService<IModelCatalog>();
        catalog.Record(SharedModels.Default.Card);
        catalog.Record(SharedModels.Other.Card);
        catalog.Activate(SharedModels.Default.Version);

        // Whoever writes around the repository still cannot make two versions active.
        var error = await Assert.ThrowsAsync<DbUpdateException>(() => _database.InScopeAsync(async services =>
        {
            var db = services.GetRequiredService<PredictionDbContext>();
            (await db.ModelVersions.SingleAsync(row => row.Version == SharedModels.Other.Version)).IsActive = true;
            return await db.SaveChangesAsync();
        }));
        Assert.True(AmpaCds.Persistence.Messaging.UniqueViolation.Is(error));
    }

    [Fact]
    public async Task Concurrent_activations_end_with_one_active_row()
    {
        var catalog = _database.Services.GetRequiredService<IModelCatalog>();
        catalog.Record(SharedModels.Default.Card);
        catalog.Record(SharedModels.Other.Card);
        string[] versions = [SharedModels.Default.Version, SharedModels.Other.Version];

        await Task.WhenAll(Enumerable.Range(0, 4).Select(worker => Task.Run(() =>
        {
            for (var i = 0; i < 10; i++)
            {
                catalog.Activate(versions[(worker + i) % 2]);
            }
        })));

        var active = await _database.InScopeAsync(services =>
            services.GetRequiredService<PredictionDbContext>().ModelVersions.CountAsync(row => row.IsActive));
        Assert.Equal(1, active);
    }

    [Fact]
    public async Task The_stored_card_is_Predictions_own_record_with_a_pinned_shape()
    {
        var catalog = _database.Services.GetRequiredService<IModelCatalog>();
        catalog.Record(SharedModels.Default.Card);

        var row = await _database.InScopeAsync(services =>
            services.GetRequiredService<PredictionDbContext>().ModelVersions.AsNoTracking().SingleAsync());
        using var card = JsonDocument.Parse(row.Card);

        // Changing ModelCard or prediction.proto must not change this; a deliberate change is a new migration of the column.
        Assert.Equal(
            ["version", "origin", "trainedOnSyntheticData", "trainer", "regressionTrainer", "cohortSize", "responderShare",
             "crossValidatedAuc", "trainingDataHash", "trainedAtUtc", "calibrationMethod", "bootstrapMembers", "featureNames", "summary"],
            card.RootElement.EnumerateObject().Select(property => property.Name));
        Assert.Equal(SharedModels.Default.Version, card.RootElement.GetProperty("version").GetString());
        Assert.Equal(SharedModels.Default.Card.CohortSize, card.RootElement.GetProperty("cohortSize").GetInt32());
        Assert.True(card.RootElement.GetProperty("trainedOnSyntheticData").GetBoolean());
        Assert.Equal(SharedModels.Default.Card.Origin, row.Origin);
        Assert.Equal(SharedModels.Default.Card.TrainedAtUtc.UtcTicks, row.TrainedAtUtcTicks);
        Assert.False(row.IsActive);
    }

    private static Dictionary<string, double> Suvr(double habenula) => new() { ["lateral_habenula"] = habenula, ["amygdala"] = 1.0 };
}

public sealed class SqlitePredictionStoreTests() : PredictionStoreTests("Sqlite");

public sealed class PostgresPredictionStoreTests() : PredictionStoreTests("Postgres");
