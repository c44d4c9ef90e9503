using AmpaCds.Dicom;

namespace AmpaCds.Reporting.PacsExport;

/// <summary>One object made for the PACS.</summary>
public sealed record PacsObject(PacsObjectKind Kind, string SopClassUid, string SopInstanceUid, DicomDataset Dataset)
{
    public static PacsObject Of(PacsObjectKind kind, DicomDataset dataset) =>
        new(kind, dataset.GetString(DicomTags.SOPClassUID)!, dataset.GetString(DicomTags.SOPInstanceUID)!, dataset);
}
