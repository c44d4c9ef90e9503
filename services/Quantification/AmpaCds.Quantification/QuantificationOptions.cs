namespace AmpaCds.Quantification;

/// <summary>
/// Outcome-measure settings (section "AmpaCds:Quantification"). docs/SCIENCE.md lists the reference
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

    /// <summary>Normative database JSON; empty = the shipped one built from simulated healthy controls (labelled synthetic).</summary>
    public string NormativeDatabase { get; set; } = "";

    /// <summary>|z| above which a baseline region counts as abnormal for the normalisation index (voxel-wise thresholds are unknown, docs/SCIENCE.md).</summary>
    public double AbnormalZThreshold { get; set; } = 2.0;

    /// <summary>The development default of <see cref="PatientKeySecret"/>; a non-Development host refuses to start with it.</summary>
    public const string DevelopmentPatientKeySecret = "ampacds-development-patient-key";

    /// <summary>Key of the patient hash that links baseline and follow-up; a site secret outside Development (PatientKeySecretValidation).</summary>
    public string PatientKeySecret { get; set; } = DevelopmentPatientKeySecret;

    /// <summary>Write the SUV, SUVR, z and change maps (NIfTI, template space) to the blob store under the series prefix.</summary>
    public bool WriteParametricMaps { get; set; } = true;

    /// <summary>Dynamic series: frames whose mid-time falls in this post-injection window are averaged (duration-weighted). Not published for [11C]K-2: assumed 40-60 min.</summary>
    public double DynamicWindowStartMinutes { get; set; } = 40;

    public double DynamicWindowEndMinutes { get; set; } = 60;

    /// <summary>Site atlas label image (NIfTI-1, .nii or .nii.gz); empty = the built-in atlas and template.</summary>
    public string AtlasLabelImage { get; set; } = "";

    /// <summary>Label table of the site atlas: "LABEL NAME" per line.</summary>
    public string AtlasLabelTable { get; set; } = "";

    /// <summary>Site [11C]K-2 template (NIfTI-1) in the atlas's world space.</summary>
    public string Template { get; set; } = "";

    /// <summary>Recorded in every result and checked against the normative database.</summary>
    public string AtlasVersion { get; set; } = "site-atlas";

    /// <summary>Partial-volume correction method and the scanner resolution it assumes.</summary>
    public PartialVolumeOptions PartialVolume { get; set; } = new();
}
