namespace AmpaCds.Contracts.Messages;

/// <summary>Which partial-volume correction regional values went through; absent (null) on older messages means none.</summary>
/// <param name="Method">"none", "gtm" (geometric transfer matrix) or "rbv" (region-based voxel-wise).</param>
/// <param name="FwhmMm">The scanner's effective resolution the correction assumed (the site setting); null for none.</param>
/// <param name="TemplateFwhmMm">The blur undone in template space: the resolution combined with the interpolation of both grids.</param>
public sealed record PartialVolumeCorrection(string Method, double? FwhmMm = null, double? TemplateFwhmMm = null)
{
    public static PartialVolumeCorrection None { get; } = new("none");
}
