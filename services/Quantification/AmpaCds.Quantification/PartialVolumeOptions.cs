namespace AmpaCds.Quantification;

/// <summary>
/// Partial-volume correction (section "AmpaCds:Quantification:PartialVolume"). The resolution is a site setting:
/// DICOM has no standard attribute for a reconstruction's effective resolution, so no header is read for it.
/// </summary>
public sealed class PartialVolumeOptions
{
    /// <summary>"none", "gtm" or "rbv" (docs/QUANTIFICATION.md, "Partial-volume correction").</summary>
    public string Method { get; set; } = "none";

    /// <summary>The scanner's effective reconstructed resolution (FWHM, mm), measured per site with a phantom.</summary>
    public double FwhmMm { get; set; } = 5.0;
}
