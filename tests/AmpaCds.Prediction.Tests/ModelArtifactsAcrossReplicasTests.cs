using AmpaCds.Prediction.Model;
using AmpaCds.Prediction.Registry;
using AmpaCds.Prediction.Service;
using AmpaCds.Prediction.Tests.Support;
using AmpaCds.ServiceDefaults.Storage;
using Microsoft.Extensions.DependencyInjection;

namespace AmpaCds.Prediction.Tests;

/// <summary>
/// Two replicas over one database and one blob root, each with its own model cache folder: what one registers and
/// activates, the other loads from the blob store and forecasts with.
/// </summary>
public abstract class ModelArtifactsAcrossReplicasTests(string provider) : IAsyncLifetime
{
    private readonly DirectoryInfo _folder = Directory.CreateTempSubdirectory("ampacds-prediction-replicas-");
    private PredictionDatabase _database = null!;
    private FileSystemBlobStore _blobs = null!;

    public async Task InitializeAsync()
    {
        _database = await PredictionDatabase.CreateAsync(provider);
        _blobs = new FileSystemBlobStore(Path.Combine(_folder.FullName, "blobs"));
    }

    public async Task DisposeAsync()
    {
        await _database.DisposeAsync();
        _folder.Delete(recursive: true);
    }

    [Fact]
    public void A_version_registered_and_activated_on_one_replica_forecasts_on_the_other()
    {
        using var first = Replica("cache-a");
        using var second = Replica("cache-b");

        first.Register(SharedModels.Other);
        first.Activate(SharedModels.Other.Version);

        Assert.True(_blobs.Exists($"prediction/models/{SharedModels.Other.Version}/{ResponseModel.ModelFileName}"));
        Assert.True(_blobs.Exists($"prediction/models/{SharedModels.Other.Version}/model-card.json"));
        Assert.NotNull(SharedModels.Other.Ensemble); // its forecasts come from ensemble.json, so that blob must travel too
        Assert.True(_blobs.Exists($"prediction/models/{SharedModels.Other.Version}/ensemble.json"));
        var secondCache = ((BlobModelArtifacts)second.Registry).Cache;
        Assert.False(secondCache.Contains(SharedModels.Other.Version));

        using var lease = second.Acquire();
        Assert.Equal(SharedModels.Other.Version, lease.Model.Version);
        var patient = SharedModels.PatientSuvr();
        var expected = SharedModels.Other.Forecast(patient).Forecast;
        var forecast = lease.Model.Forecast(patient).Forecast;
        Assert.Equal(expected.ResponseProbability, forecast.ResponseProbability, 12);
        Assert.Equal(expected.ExpectedMadrsChangePercent, forecast.ExpectedMadrsChangePercent, 12);
        Assert.Equal(SharedModels.Other.Version, forecast.ModelVersion);
        Assert.True(secondCache.Contains(SharedModels.Other.Version)); // fetched once, loaded from the cache after
    }

    [Fact]
    public async Task A_version_whose_blobs_are_gone_fails_with_an_error_naming_it()
    {
        using var first = Replica("cache-a");
        first.Register(SharedModels.Other);
        first.Activate(SharedModels.Other.Version);
        foreach (var key in _blobs.List($"prediction/models/{SharedModels.Other.Version}/"))
        {
            await _blobs.DeleteAsync(key);
        }

        using var second = Replica("cache-b");
        var error = Assert.Throws<MissingModelArtifactException>(() => second.Acquire());
        Assert.Equal(SharedModels.Other.Version, error.Version);
        Assert.Contains($"'{SharedModels.Other.Version}'", error.Message, StringComparison.Ordinal);
        Assert.Contains("prediction/models/", error.Message, StringComparison.Ordinal);
        Assert.Empty(Directory.GetFileSystemEntries(((BlobModelArtifacts)second.Registry).Cache.RootDirectory)); // no staging left
    }

    [Fact]
    public void The_shipped_default_model_is_put_into_the_blob_store_at_install_and_a_second_replica_loads_it()
    {
        using var first = Replica("cache-a");
        var installed = ShippedDefaultModel.EnsureInstalled(first.Registry, first.Catalog, ShippedArtifact());
        Assert.True(first.Registry.Contains(installed));
        Assert.True(_blobs.Exists($"prediction/models/{installed}/model-card.json"));

        using var second = Replica("cache-b");
        Assert.Equal(installed, ShippedDefaultModel.EnsureInstalled(second.Registry, second.Catalog, ShippedArtifact()));
        using var lease = second.Acquire();
        Assert.Equal(installed, lease.Model.Version);
    }

    [Fact]
    public void Versions_only_in_a_local_folder_from_before_the_blob_store_are_published_once()
    {
        var oldFolder = new ModelRegistry(Path.Combine(_folder.FullName, "cache-a"));
        oldFolder.Register(SharedModels.Other);
        using var upgraded = Replica("cache-a");
        var artifacts = (BlobModelArtifacts)upgraded.Registry;

        Assert.Equal([SharedModels.Other.Version], artifacts.PublishCachedVersions());
        Assert.Empty(artifacts.PublishCachedVersions());
        using var other = Replica("cache-b");
        using var model = other.Registry.Load(SharedModels.Other.Version);
        Assert.Equal(SharedModels.Other.Card.TrainedAtUtc, model.Card.TrainedAtUtc);
    }

    private string ShippedArtifact()
    {
        // A stand-in for the artifact copied beside the service: the default model saved to a folder.
        var root = Path.Combine(_folder.FullName, "artifact");
        return SharedModels.Default.Save(root);
    }

    private ActiveModel Replica(string cacheFolder) =>
        new(new BlobModelArtifacts(_blobs, new ModelRegistry(Path.Combine(_folder.FullName, cacheFolder))),
            _database.Services.GetRequiredService<IModelCatalog>(), TimeProvider.System, TimeSpan.Zero);
}

public sealed class SqliteModelArtifactsAcrossReplicasTests() : ModelArtifactsAcrossReplicasTests("Sqlite");

public sealed class PostgresModelArtifactsAcrossReplicasTests() : ModelArtifactsAcrossReplicasTests("Postgres");
