using AmpaCds.Imaging;
using AmpaCds.Synthetic;

namespace AmpaCds.Quantification.Pipeline;

/// <summary>
/// The atlas and the [11C]K-2 template that regions are measured in. The built-in template is
/// the healthy-control mean pattern of the effect model painted on the atlas and smoothed to PET
/// resolution; a site replaces both with its own files.
/// </summary>
public sealed class QuantificationReference(BrainAtlas atlas, Volume template)
{
    public BrainAtlas Atlas { get; } = atlas;

    public Volume Template { get; } = template;

    /// <summary>The template's registration samples, prepared once rather than for every study.</summary>
    public RegistrationTemplate Registration { get; } = new(template);

    public static QuantificationReference BuiltIn(double smoothingFwhmMm)
    {
        var atlas = BuiltInAtlas.Create();
        var healthyMeans = EffectModel.Default.Regions.ToDictionary(pair => pair.Key, pair => pair.Value.HealthyMeanSuv.Value);
        var template = GaussianFilter.Smooth(atlas.Paint(healthyMeans), smoothingFwhmMm);
        return new QuantificationReference(atlas, template);
    }
}
