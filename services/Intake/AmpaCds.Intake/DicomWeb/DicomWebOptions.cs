namespace AmpaCds.Intake.DicomWeb;

/// <summary>Bounds on DICOMweb requests ("AmpaCds:Intake:DicomWeb"), so one client cannot exhaust memory or disk.</summary>
public sealed class DicomWebOptions
{
    /// <summary>Largest STOW-RS request body; larger requests get 413.</summary>
    public long MaxRequestBytes { get; set; } = 2L * 1024 * 1024 * 1024;

    /// <summary>Largest single part (one instance is held in memory while it is validated and stored).</summary>
    public long MaxInstanceBytes { get; set; } = 512L * 1024 * 1024;

    /// <summary>Most parts in one STOW-RS request.</summary>
    public int MaxParts { get; set; } = 10_000;

    /// <summary>Most results one QIDO-RS response returns when the client asks for more (or gives no limit).</summary>
    public int MaxResults { get; set; } = 1_000;
}
