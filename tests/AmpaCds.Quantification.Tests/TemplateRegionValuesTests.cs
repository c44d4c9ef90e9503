using AmpaCds.Domain.Regions;
using AmpaCds.Quantification.Pipeline;
using AmpaCds.Research.Synthetic.Effects;

namespace AmpaCds.Quantification.Tests;

/// <summary>The built-in template's regional values ship as a data file; they must stay the effect model's healthy means.</summary>
public sealed class TemplateRegionValuesTests
{
    [Fact]
    public void Shipped_template_values_equal_the_effect_models_healthy_means()
    {
        var shipped = TemplateRegionValues.Load();
        var healthyMeans = EffectModel.Default.Regions.ToDictionary(pair => pair.Key, pair => pair.Value.HealthyMeanSuv.Value);

        Assert.Equal(healthyMeans.OrderBy(pair => pair.Key, StringComparer.Ordinal), shipped.OrderBy(pair => pair.Key, StringComparer.Ordinal));
        Assert.Equal(RegionIds.All.Order(StringComparer.Ordinal), shipped.Keys.Order(StringComparer.Ordinal));
    }

    [Fact]
    public void An_unusable_file_is_a_quantification_error_naming_the_file()
    {
        var path = Path.Combine(Path.GetTempPath(), $"ampacds-template-{Guid.NewGuid():N}.json");
        File.WriteAllText(path, """{ "healthyMeanSuv": { "caudate": -1 } }""");
        try
        {
            var error = Assert.Throws<QuantificationException>(() => TemplateRegionValues.Load(path));

            Assert.Contains(path, error.Message, StringComparison.Ordinal);
        }
        finally
        {
            File.Delete(path);
        }
    }
}
