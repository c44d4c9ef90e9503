namespace AmpaCds.Research.Synthetic.Effects;

/// <summary>How one region's AMPA receptor density ([11C]K-2 SUV at the imaging window) is simulated.</summary>
public sealed record RegionEffect
{
    /// <summary>Mean SUV of healthy controls.</summary>
    public required EffectParameter HealthyMeanSuv { get; init; }

    /// <summary>Region-specific between-subject SD (SUV); a subject-wide scale factor comes on top (see <see cref="EffectModel.GlobalScaleCv"/>).</summary>
    public required EffectParameter BetweenSubjectSd { get; init; }

    /// <summary>Relative difference of TRD patients at the reference severity from healthy controls (0.04 = 4% higher).</summary>
    public required EffectParameter TrdShift { get; init; }

    /// <summary>Relative density change per MADRS point above <see cref="EffectModel.SeverityReferenceMadrs"/> in TRD (-0.004 = 0.4% lower per point).</summary>
    public required EffectParameter SeveritySlopePerMadrsPoint { get; init; }

    /// <summary>Relative density change from baseline to follow-up after ketamine per unit of improvement (1 = MADRS fell by 100%).</summary>
    public required EffectParameter KetamineChangePerImprovement { get; init; }

    /// <summary>
    /// Percentage points of MADRS reduction after ketamine per SD of this region's baseline deviation from the
    /// TRD population pattern: positive = more density predicts more improvement. This is what the forecast can learn.
    /// </summary>
    public required EffectParameter ResponseWeight { get; init; }
}
