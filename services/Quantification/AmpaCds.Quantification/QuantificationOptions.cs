namespace AmpaCds.Quantification;

/// <summary>
/// Outcome-measure settings (section "AmpaCds:Quantification"). SCIENCE.md lists the reference
/// region and smoothing among the unknowns of the study, so they are configuration, not constants.
/// </summary>
public sealed class QuantificationOptions
{
    public const string Section = "AmpaCds:Quantification";

    /// <summary>SUVR denominator: "whole_brain" (all atlas voxels) or any atlas region name.</summary>
    public string ReferenceRegion { get; set; } = "whole_brain";

    /// <summary>Resolution the template is smoothed to, close to a brain PET's reconstructed resolution.</summary>
    public double TemplateSmoothingFwhmMm { get; set; } = 6.0;

    /// <summary>Half-life used only when (0018,1075) is absent; the result says so. [11C]: 1220.04 s.</summary>
    public double FallbackHalfLifeSeconds { get; set; } = 1220.04;
}
