namespace AmpaCds.Reporting.PacsExport;

/// <summary>
/// The DICOM objects one report version becomes. The name is part of each object's UID seed, so renaming a member
/// would give a version new UIDs: add members, never rename them.
/// </summary>
public enum PacsObjectKind
{
    EncapsulatedPdf,
    MeasurementReport,
    SuvrSlicesCapture,
    ZSlicesCapture,
    ZOverviewCapture,
}
