namespace AmpaCds.Imaging.PartialVolume;

/// <summary>Which partial-volume correction a measurement went through; the names are the ones the CLI and settings use.</summary>
public enum PartialVolumeMethod
{
    /// <summary>Regional means as the scanner blurred them.</summary>
    None,

    /// <summary>Geometric transfer matrix on the atlas regions (Rousset 1998): regional values only.</summary>
    Gtm,

    /// <summary>Region-based voxel-wise correction (Thomas 2011): GTM values give a voxel-wise corrected image.</summary>
    Rbv,
}
