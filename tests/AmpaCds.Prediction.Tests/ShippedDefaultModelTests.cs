using System.Text.Json;
using AmpaCds.Domain.Regions;
using AmpaCds.Imaging.PartialVolume;
using AmpaCds.Prediction.Registry;
using AmpaCds.Research.ModelEvaluation;
using AmpaCds.Research.Simulation;

namespace AmpaCds.Prediction.Tests;

/// <summary>The default model shipped as an artifact (DefaultModel/, deploy/train-default-model.sh) and its installation.</summary>
public sealed class ShippedDefaultModelTests : IDisposable
{
    private readonly string _root = Path.Combine(Path.GetTempPath(), $"ampacds-shipped-{Guid.NewGuid():N}");

    [Fact]
    public void An_empty_registry_gets_the_shipped_model_once_and_keeps_it()
    {
        var registry = new ModelRegistry(_root);

        var installed = ShippedDefaultModel.EnsureInstalled(registry);
        var pointerWritten = File.GetLastWriteTimeUtc(Path.Combine(_root, ModelRegistry.ActivePointerFileName));
        var again = ShippedDefaultModel.EnsureInstalled(registry);

        Assert.Equal(ShippedCard().GetProperty("version").GetString(), installed);
        Assert.Equal(installed, again);
        Assert.Equal(installed, registry.ActiveVersion);
        Assert.Single(registry.ListVersions());
        Assert.Equal(pointerWritten, File.GetLastWriteTimeUtc(Path.Combine(_root, ModelRegistry.ActivePointerFileName)));
    }

    [Fact]
    public void A_registry_with_an_active_model_is_left_alone()
    {
        var registry = new ModelRegistry(_root);
        registry.Register(SharedModels.Default);
        registry.Activate(SharedModels.Default.Version);

        var active = ShippedDefaultModel.EnsureInstalled(registry, Path.Combine(_root, "no-artifact-here"));

        Assert.Equal(SharedModels.Default.Version, active);
    }

    [Fact]
    public void A_missing_artifact_is_named_in_the_error()
    {
        var missing = Path.Combine(_root, "no-artifact-here");

        var error = Assert.Throws<FileNotFoundException>(() => ShippedDefaultModel.EnsureInstalled(new ModelRegistry(_root), missing));

        Assert.Contains(missing, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void The_installed_model_forecasts_from_the_regions_quantification_measures()
    {
        var registry = new ModelRegistry(_root);
        ShippedDefaultModel.EnsureInstalled(registry);
        using var model = registry.LoadActive();

        var low = model.Forecast(SharedModels.PatientSuvr(0));
        var other = model.Forecast(SharedModels.PatientSuvr(3));

        Assert.Equal(RegionIds.All.Select(region => $"suvr_{region}"), model.Card.FeatureNames.Take(RegionIds.All.Count));
        Assert.InRange(low.Forecast.ResponseProbability, 0.0, 1.0);
        Assert.NotEqual(low.Forecast.ResponseProbability, other.Forecast.ResponseProbability);
        Assert.Equal(model.Version, low.Forecast.ModelVersion);
        Assert.NotNull(low.ResponseProbabilityInterval90);
    }

    [Fact]
    public void The_card_records_nested_cross_validation_the_permutation_test_and_the_cohort()
    {
        var registry = new ModelRegistry(_root);
        ShippedDefaultModel.EnsureInstalled(registry);
        using var model = registry.LoadActive();
        var card = model.Card;
        var file = ShippedCard();

        var evaluation = Assert.IsType<Prediction.Model.ModelEvaluationSummary>(card.Evaluation);
        Assert.StartsWith("nested", evaluation.Scheme, StringComparison.Ordinal);
        Assert.InRange(evaluation.Auc.Value, 0.0, 1.0);
        Assert.Equal(file.GetProperty("evaluation").GetProperty("auc").GetProperty("value").GetDouble(), evaluation.Auc.Value);
        Assert.InRange(evaluation.Auc.Lower, 0.0, evaluation.Auc.Value);
        Assert.InRange(evaluation.Auc.Upper, evaluation.Auc.Value, 1.0);
        Assert.True(evaluation.Permutations > 0);
        Assert.Equal(file.GetProperty("evaluation").GetProperty("permutations").GetInt32(), evaluation.Permutations);
        Assert.InRange(evaluation.PermutationPValue, 1.0 / (evaluation.Permutations + 1), 1.0);
        Assert.True(card.TrainedOnSyntheticData);
        Assert.Equal(DefaultModelRecipe.DefaultCohortSize, card.CohortSize);
        Assert.Equal(DefaultModelRecipe.DefaultTrainingSeed, card.Seed);
        Assert.Contains($"seed {DefaultModelRecipe.DefaultCohortSeed}", card.Provenance, StringComparison.Ordinal);
        Assert.Contains("deploy/train-default-model.sh", card.Provenance, StringComparison.Ordinal);
        Assert.Equal(DefaultModelRecipe.DefaultTrainingOptions.FeatureSource, card.FeatureSource);
    }

    [Fact]
    public void The_recipe_trains_the_version_that_is_shipped()
    {
        // Same cohort, seed and options give the same fingerprint: the artifact and DefaultModelRecipe have not drifted apart.
        Assert.Equal(ShippedCard().GetProperty("version").GetString(), SharedModels.Default.Version);
    }

    [Fact]
    public void The_gtm_recipe_trains_the_shipped_gtm_model_on_corrected_features()
    {
        using var gtm = DefaultModelRecipe.TrainModel(PartialVolumeMethod.Gtm);
        var shipped = ShippedCard("gtm");

        Assert.Equal(shipped.GetProperty("version").GetString(), gtm.Version);
        Assert.NotEqual(SharedModels.Default.Version, gtm.Version);
        Assert.Equal("gtm", shipped.GetProperty("partialVolumeCorrection").GetString());
        Assert.Equal(DefaultModelRecipe.GtmFwhmMm, shipped.GetProperty("partialVolumeFwhmMm").GetDouble());
        Assert.Equal(("gtm", (double?)DefaultModelRecipe.GtmFwhmMm), (gtm.Card.PartialVolumeCorrection, gtm.Card.PartialVolumeFwhmMm));
        Assert.Equal(PartialVolumeCorrectedSuvrModel.Default.Description, shipped.GetProperty("featureSource").GetString());
        Assert.Contains("--pvc gtm", shipped.GetProperty("provenance").GetString(), StringComparison.Ordinal);
        // Same subjects, other features: corrected SUVR are the painted truth, further from 1 than the blurred ones.
        var none = DefaultModelRecipe.TrainingCohort(PartialVolumeMethod.None);
        var corrected = DefaultModelRecipe.TrainingCohort(PartialVolumeMethod.Gtm);
        Assert.Equal(none.Select(row => row.Responder), corrected.Select(row => row.Responder));
        Assert.True(corrected.Average(row => Math.Abs(row.BaselineSuvr["white_matter"] - 1)) > none.Average(row => Math.Abs(row.BaselineSuvr["white_matter"] - 1)));
    }

    [Fact]
    public void The_configured_correction_chooses_the_shipped_model_and_a_switch_replaces_only_a_shipped_one()
    {
        var registry = new ModelRegistry(_root);
        var gtm = ShippedCard("gtm").GetProperty("version").GetString();
        var none = ShippedCard().GetProperty("version").GetString();

        Assert.Equal(gtm, ShippedDefaultModel.EnsureInstalledFor(registry, registry, "gtm"));
        Assert.Equal(none, ShippedDefaultModel.EnsureInstalledFor(registry, registry, "none")); // switched back: the other shipped one
        Assert.Equal(none, registry.ActiveVersion);

        registry.Register(SharedModels.Other);
        registry.Activate(SharedModels.Other.Version);
        Assert.Equal(SharedModels.Other.Version, ShippedDefaultModel.EnsureInstalledFor(registry, registry, "gtm")); // the site's own model stays
    }

    private static JsonElement ShippedCard(string correction = "none") =>
        JsonDocument.Parse(File.ReadAllText(Path.Combine(ShippedDefaultModel.BuiltInDirectoryFor(correction), "model-card.json"))).RootElement.Clone();

    public void Dispose()
    {
        if (Directory.Exists(_root))
        {
            Directory.Delete(_root, recursive: true);
        }
    }
}
