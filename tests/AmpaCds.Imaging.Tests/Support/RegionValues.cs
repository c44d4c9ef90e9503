using AmpaCds.Imaging;

namespace AmpaCds.Imaging.Tests.Support;

/// <summary>Plausible [11C]K-2 SUV-like regional values: cortex and striatum high, white matter low.</summary>
internal static class RegionValues
{
    public static Dictionary<string, double> Typical(double scale = 1.0)
    {
        var baseline = new Dictionary<string, double>
        {
            ["frontal_cortex"] = 2.4, ["parietal_cortex"] = 2.3, ["temporal_cortex"] = 2.5, ["occipital_cortex"] = 2.2,
            ["anterior_cingulate"] = 2.6, ["posterior_cingulate"] = 2.5, ["anterior_insula"] = 2.7, ["posterior_insula"] = 2.6,
            ["caudate"] = 2.8, ["putamen"] = 3.0, ["globus_pallidus"] = 1.6, ["thalamus"] = 2.0, ["lateral_habenula"] = 2.9,
            ["hippocampus"] = 2.6, ["amygdala"] = 2.4, ["cerebellum"] = 1.8, ["brainstem"] = 1.3, ["white_matter"] = 0.9,
        };
        return baseline.ToDictionary(pair => pair.Key, pair => pair.Value * scale);
    }

    /// <summary>The typical pattern with a deterministic ±15 % per-region deviation, as a different subject would show.</summary>
    public static Dictionary<string, double> Subject(int seed, double scale)
    {
        var random = new Random(seed);
        return Typical(scale).ToDictionary(pair => pair.Key, pair => pair.Value * (0.85 + 0.3 * random.NextDouble()));
    }
}
