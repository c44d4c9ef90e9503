namespace AmpaCds.Dicom;

/// <summary>
/// How this implementation identifies itself in file meta and association negotiation.
/// The class UID is under the 1.2.826.0.1.3680043.10 root (free sub-roots handed out for
/// applications); "1462.1" is AmpaCds' fixed choice and must not be reused for other software.
/// </summary>
public static class DicomImplementation
{
    public const string ClassUid = "1.2.826.0.1.3680043.10.1462.1";

    public const string VersionName = "AMPACDS_1";
}
