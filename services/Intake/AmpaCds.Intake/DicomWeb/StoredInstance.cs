using AmpaCds.Dicom;

namespace AmpaCds.Intake.DicomWeb;

/// <summary>The header attributes QIDO-RS searches and returns, for one stored instance.</summary>
public sealed record StoredInstance(
    string StudyUid, string SeriesUid, string SopInstanceUid,
    string? StudyDate, string? StudyTime, string? AccessionNumber, string? StudyDescription, string? StudyId,
    string? PatientName, string? PatientId, string? PatientBirthDate, string? PatientSex,
    string? Modality, int? SeriesNumber, string? SeriesDescription)
{
    public static StoredInstance? FromHeader(DicomDataset header)
    {
        var study = header.GetString(DicomTags.StudyInstanceUID);
        var series = header.GetString(DicomTags.SeriesInstanceUID);
        var sop = header.GetString(DicomTags.SOPInstanceUID);
        if (study is null || series is null || sop is null)
        {
            return null;
        }
        return new StoredInstance(study, series, sop,
            header.GetString(DicomTags.StudyDate), header.GetString(DicomTags.StudyTime),
            header.GetString(DicomTags.AccessionNumber), header.GetString(DicomTags.StudyDescription), header.GetString(DicomTags.StudyID),
            header.GetString(DicomTags.PatientName), header.GetString(DicomTags.PatientID),
            header.GetString(DicomTags.PatientBirthDate), header.GetString(DicomTags.PatientSex),
            header.GetString(DicomTags.Modality),
            header.TryGetInt(DicomTags.SeriesNumber, out var number) ? number : null,
            header.GetString(DicomTags.SeriesDescription));
    }
}
