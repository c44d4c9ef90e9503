using AmpaCds.Prediction.Model;
using AmpaCds.Prediction.Registry;

namespace AmpaCds.Prediction.Tests;

public sealed class ModelPersistenceTests : IDisposable
{
    private readonly string _root = Path.Combine(Path.GetTempPath(), $"ampacds-models-{Guid.NewGuid():N}");

    [Fact]
    public void Save_then_load_gives_identical_forecasts_and_card()
    {
        var original = SharedModels.Default;
        var directory = original.Save(_root);

        using var loaded = ResponseModel.Load(directory);

        Assert.Equal(Path.Combine(_root, original.Version), directory);
        Assert.True(File.Exists(Path.Combine(directory, "model.zip")));
        Assert.True(File.Exists(Path.Combine(directory, "model-card.json")));
        Assert.Equal(original.Card with
        {
            CandidateCrossValidatedAuc = loaded.Card.CandidateCrossValidatedAuc, FeatureNames = loaded.Card.FeatureNames,
            GlobalImportance = loaded.Card.GlobalImportance,
        }, loaded.Card);
        Assert.Equal(original.Card.GlobalImportance, loaded.Card.GlobalImportance);
        Assert.Equal(original.Card.CandidateCrossValidatedAuc.OrderBy(kv => kv.Key), loaded.Card.CandidateCrossValidatedAuc.OrderBy(kv => kv.Key));
        Assert.Equal(original.Card.FeatureNames, loaded.Card.FeatureNames);
        for (var i = 0; i < 5; i++)
        {
            var patient = SharedModels.PatientSuvr(i);
            Assert.Equal(original.Predict(patient), loaded.Predict(patient));
        }
    }

    [Fact]
    public void Registry_lists_activates_and_loads_the_active_version()
    {
        var registry = new ModelRegistry(_root);
        Assert.Null(registry.ActiveVersion);
        Assert.Throws<InvalidOperationException>(registry.LoadActive);

        var version = registry.Register(SharedModels.Default);
        Assert.Equal([version], registry.ListVersions().Select(card => card.Version));
        Assert.Null(registry.ActiveVersion);

        registry.Activate(version);
        using var active = new ModelRegistry(_root).LoadActive();

        Assert.Equal(version, active.Version);
    }

    [Fact]
    public void Activating_an_unknown_version_fails()
    {
        var registry = new ModelRegistry(_root);

        Assert.Throws<DirectoryNotFoundException>(() => registry.Activate("k2-response-9.9.9+deadbeef"));
        Assert.Throws<ArgumentException>(() => registry.Activate("../elsewhere"));
    }

    public void Dispose()
    {
        if (Directory.Exists(_root))
        {
            Directory.Delete(_root, recursive: true);
        }
    }
}
