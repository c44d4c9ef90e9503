using AmpaCds.Dicom;

namespace AmpaCds.Reporting.PacsExport;

/// <summary>One DICOM object of a report version, ready to be stored or sent.</summary>
public sealed record PacsObject(PacsObjectKind Kind, string SopClassUid, string SopInstanceUid, DicomDataset Dataset)
{
    /// <summary>
    /// The object as a Part 10 file in Explicit VR Little Endian, the transfer syntax every PACS accepts for these SOP
    /// classes, so a C-STORE needs no conversion.
    /// </summary>
    public byte[] ToPart10Bytes() => DicomFile.Create(Dataset, TransferSyntax.ExplicitVRLittleEndian.Uid).ToBytes();

    internal static PacsObject From(PacsObjectKind kind, DicomDataset dataset) => new(kind,
        dataset.GetString(DicomTags.SOPClassUID) ?? throw new InvalidOperationException($"The {kind} object has no SOP Class UID."),
        dataset.GetString(DicomTags.SOPInstanceUID) ?? throw new InvalidOperationException($"The {kind} object has no SOP Instance UID."),
        dataset);
}
