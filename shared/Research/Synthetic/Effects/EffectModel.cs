using AmpaCds.Domain.Regions;

namespace AmpaCds.Research.Synthetic.Effects;

/// <summary>
/// The complete, replaceable description of how virtual subjects are generated. Directions follow the
/// findings table of SCIENCE.md; every magnitude is an assumption (no effect sizes are published).
/// Sites replace it with <see cref="EffectModelJson.Load"/>; the default is <see cref="EffectModelDefaults"/>.
/// </summary>
public sealed record EffectModel
{
    /// <summary>Per-region effects, keyed by <see cref="RegionIds"/>.</summary>
    public required IReadOnlyDictionary<string, RegionEffect> Regions { get; init; }

    /// <summary>CV of a subject-wide multiplicative factor (body composition, dose calibration); cancels in the SUVR.</summary>
    public required EffectParameter GlobalScaleCv { get; init; }

    public required EffectParameter AgeMean { get; init; }
    public required EffectParameter AgeSd { get; init; }

    public required EffectParameter HealthyMadrsMean { get; init; }
    public required EffectParameter HealthyMadrsSd { get; init; }
    public required EffectParameter TrdMadrsMean { get; init; }
    public required EffectParameter TrdMadrsSd { get; init; }

    /// <summary>Lowest baseline MADRS of an enrolled TRD patient (trial inclusion threshold).</summary>
    public required EffectParameter TrdMadrsMinimum { get; init; }

    /// <summary>MADRS at which <see cref="RegionEffect.TrdShift"/> applies unchanged; severity slopes are centred here.</summary>
    public required EffectParameter SeverityReferenceMadrs { get; init; }

    /// <summary>Mean MADRS reduction (%) after ketamine of a patient with the average TRD pattern.</summary>
    public required EffectParameter KetamineMeanImprovementPercent { get; init; }

    /// <summary>SD (percentage points) of the part of ketamine improvement that baseline AMPA density does not explain.</summary>
    public required EffectParameter KetamineImprovementNoiseSd { get; init; }

    public required EffectParameter PlaceboMeanImprovementPercent { get; init; }
    public required EffectParameter PlaceboImprovementNoiseSd { get; init; }

    /// <summary>Relative test-retest variation of regional density between baseline and follow-up scans.</summary>
    public required EffectParameter FollowUpRetestCv { get; init; }

    /// <summary>The documented default; see <see cref="EffectModelDefaults"/>.</summary>
    public static EffectModel Default { get; } = EffectModelDefaults.Create();

    /// <summary>The region effect for <paramref name="region"/>, with a clear error when the model does not cover it.</summary>
    public RegionEffect For(string region) =>
        Regions.TryGetValue(region, out var effect)
            ? effect
            : throw new KeyNotFoundException($"The effect model has no entry for region '{region}'.");
}
