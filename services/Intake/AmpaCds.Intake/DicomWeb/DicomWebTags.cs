using AmpaCds.Dicom;

namespace AmpaCds.Intake.DicomWeb;

/// <summary>
/// Attributes of the STOW-RS response (PS3.18 10.5.3) and the QIDO-RS study/series results that
/// the shared dictionary did not name when DICOMweb was written; kept here so Intake does not depend on it.
/// </summary>
public static class DicomWebTags
{
    public static readonly DicomTag RetrieveURL = new(0x0008, 0x1190);
    public static readonly DicomTag FailureReason = new(0x0008, 0x1197);
    public static readonly DicomTag FailedSOPSequence = new(0x0008, 0x1198);
    public static readonly DicomTag ReferencedSOPSequence = new(0x0008, 0x1199);
    public static readonly DicomTag ModalitiesInStudy = new(0x0008, 0x0061);
    public static readonly DicomTag NumberOfStudyRelatedSeries = new(0x0020, 0x1206);
    public static readonly DicomTag NumberOfStudyRelatedInstances = new(0x0020, 0x1208);
    public static readonly DicomTag NumberOfSeriesRelatedInstances = new(0x0020, 0x1209);
}
