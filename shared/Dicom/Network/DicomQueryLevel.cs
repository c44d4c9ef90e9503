namespace AmpaCds.Dicom.Network;

/// <summary>Query/Retrieve Level (0008,0052) values supported by <see cref="DicomClient"/> in the Study Root model.</summary>
public enum DicomQueryLevel
{
    Study,
    Series,
}
