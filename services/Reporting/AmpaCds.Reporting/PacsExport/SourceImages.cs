using AmpaCds.Dicom;
using AmpaCds.Reporting.Studies;

namespace AmpaCds.Reporting.PacsExport;

/// <summary>The measured PET instances of a study record, as the structured report references them.</summary>
public static class SourceImages
{
    /// <summary>Each recorded instance UID with the series' SOP class (PET Image Storage when Intake did not name one).</summary>
    public static IReadOnlyList<SourceImage> Of(StudyRecord record)
    {
        ArgumentNullException.ThrowIfNull(record);
        var sopClass = string.IsNullOrEmpty(record.PetSopClassUid) ? DicomUids.PetImageStorage : record.PetSopClassUid;
        return record.PetInstanceUids.Select(uid => new SourceImage(sopClass, uid)).ToList();
    }
}
