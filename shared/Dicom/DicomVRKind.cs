namespace AmpaCds.Dicom;

/// <summary>Broad family of a VR, which decides how values are decoded and padded.</summary>
public enum DicomVRKind
{
    Text,
    Binary,
    Sequence,
}
