using System.Text.Json;
using AmpaCds.Domain.Regions;
using AmpaCds.Research.Synthetic.Cohort;
using AmpaCds.Research.Synthetic.Effects;

namespace AmpaCds.Prediction.Tests;

public class EffectModelJsonTests
{
    [Fact]
    public void Default_covers_every_region_and_says_where_each_direction_comes_from()
    {
        var model = EffectModel.Default;

        Assert.Equal(RegionIds.All.Order(), model.Regions.Keys.Order());
        Assert.All(model.Regions.Values, effect =>
        {
            Assert.All([effect.HealthyMeanSuv, effect.BetweenSubjectSd, effect.TrdShift, effect.SeveritySlopePerMadrsPoint,
                effect.KetamineChangePerImprovement, effect.ResponseWeight], p => Assert.False(string.IsNullOrWhiteSpace(p.Basis)));
            Assert.InRange(effect.BetweenSubjectSd.Value / effect.HealthyMeanSuv.Value, 0.08, 0.10);
        });
        Assert.Contains("assumed", model.For(RegionIds.PosteriorInsula).TrdShift.Basis);
    }

    [Fact]
    public void Shipped_default_file_matches_the_code_default()
    {
        var shipped = File.ReadAllText(Path.Combine(AppContext.BaseDirectory, EffectModelJson.DefaultFileName));

        // Line endings may differ by platform or git settings; the content may not.
        Assert.Equal(EffectModelJson.Serialize(EffectModel.Default).ReplaceLineEndings("\n"), shipped.TrimEnd().ReplaceLineEndings("\n"));
    }

    [Fact]
    public void Json_round_trip_gives_the_same_cohort()
    {
        var path = Path.Combine(Path.GetTempPath(), $"effect-model-{Guid.NewGuid():N}.json");
        try
        {
            EffectModelJson.Save(EffectModel.Default, path);
            var loaded = EffectModelJson.Load(path);

            var original = CohortSimulator.Simulate(20, 1, CohortOptions.Default);
            var replayed = CohortSimulator.Simulate(20, 1, CohortOptions.Default with { EffectModel = loaded });
            Assert.Equal(original.Select(s => s.BaselineDensity[RegionIds.Caudate]), replayed.Select(s => s.BaselineDensity[RegionIds.Caudate]));
            Assert.Equal(original.Select(s => s.MadrsChangePercent), replayed.Select(s => s.MadrsChangePercent));
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public void Site_edited_json_changes_the_simulation()
    {
        var json = EffectModelJson.Serialize(EffectModel.Default);
        var edited = EffectModelJson.Deserialize(json) with { KetamineMeanImprovementPercent = new EffectParameter(60, "site estimate") };

        var cohort = CohortSimulator.Simulate(200, 1, CohortOptions.KetamineTraining with { EffectModel = edited });

        Assert.True(cohort.Average(s => -s.MadrsChangePercent!.Value) > 45);
    }

    [Fact]
    public void Loading_a_model_without_every_region_fails_with_the_missing_names()
    {
        var partial = EffectModel.Default with
        {
            Regions = EffectModel.Default.Regions.Where(kv => kv.Key != RegionIds.Thalamus).ToDictionary(),
        };
        var path = Path.Combine(Path.GetTempPath(), $"effect-model-{Guid.NewGuid():N}.json");
        try
        {
            EffectModelJson.Save(partial, path);

            var error = Assert.Throws<JsonException>(() => EffectModelJson.Load(path));
            Assert.Contains(RegionIds.Thalamus, error.Message);
        }
        finally
        {
            File.Delete(path);
        }
    }
}
