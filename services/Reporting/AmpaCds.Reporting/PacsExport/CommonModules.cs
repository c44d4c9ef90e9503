using System.Globalization;
using AmpaCds.Dicom;
using AmpaCds.Reporting.Studies;

namespace AmpaCds.Reporting.PacsExport;

/// <summary>
/// The modules every exported object shares: SOP Common, Patient, General Study (the PET study's own Study Instance
/// UID, so the PACS files the objects with the images), a new series per object kind, and General Equipment naming
/// AmpaCds as the creator.
/// </summary>
internal static class CommonModules
{
    /// <summary>UTF-8: names go to the PACS exactly as the header held them, Japanese included, with no ISO 2022 switching.</summary>
    public const string CharacterSet = "ISO_IR 192";

    public static DicomDataset Create(StudyRecord record, PacsObjectKind kind, string sopClassUid, string modality,
        string seriesDescription, DateTimeOffset createdAt)
    {
        ArgumentNullException.ThrowIfNull(record);
        var patient = record.Patient
            ?? throw new InvalidOperationException("A study needs its patient header before objects can go to the PACS.");
        var version = record.ReportVersion
            ?? throw new InvalidOperationException("Only a reported version can go to the PACS.");
        var utc = createdAt.ToUniversalTime();
        var date = utc.ToString("yyyyMMdd", CultureInfo.InvariantCulture);
        var time = utc.ToString("HHmmss", CultureInfo.InvariantCulture);

        // The character set comes first: every text value added after it is encoded with it.
        return new DicomDataset()
            .AddOrUpdate(DicomTags.SpecificCharacterSet, DicomVR.CS, CharacterSet)
            // SOP Common
            .AddOrUpdate(DicomTags.SOPClassUID, DicomVR.UI, sopClassUid)
            .AddOrUpdate(DicomTags.SOPInstanceUID, DicomVR.UI, PacsUids.Instance(record.StudyInstanceUid, version, kind))
            .AddOrUpdate(DicomTags.InstanceCreationDate, DicomVR.DA, date)
            .AddOrUpdate(DicomTags.InstanceCreationTime, DicomVR.TM, time)
            .AddOrUpdate(PacsTags.TimezoneOffsetFromUtc, DicomVR.SH, "+0000")
            .AddOrUpdate(DicomTags.InstanceNumber, DicomVR.IS, 1)
            // Patient and General Study repeat the images' header as Intake read it (empty where the header had none)
            .AddOrUpdate(DicomTags.PatientName, DicomVR.PN, patient.PatientName)
            .AddOrUpdate(DicomTags.PatientID, DicomVR.LO, patient.PatientId)
            .AddOrUpdate(DicomTags.PatientBirthDate, DicomVR.DA, patient.PatientBirthDate)
            .AddOrUpdate(DicomTags.PatientSex, DicomVR.CS, patient.PatientSex)
            // General Study
            .AddOrUpdate(DicomTags.StudyInstanceUID, DicomVR.UI, record.StudyInstanceUid)
            .AddOrUpdate(DicomTags.StudyDate, DicomVR.DA, patient.StudyDate)
            .AddOrUpdate(DicomTags.StudyTime, DicomVR.TM, patient.StudyTime)
            .AddOrUpdate(DicomTags.ReferringPhysicianName, DicomVR.PN, patient.ReferringPhysicianName)
            .AddOrUpdate(DicomTags.StudyID, DicomVR.SH, patient.StudyId)
            .AddOrUpdate(DicomTags.AccessionNumber, DicomVR.SH, patient.AccessionNumber)
            .AddOrUpdate(DicomTags.StudyDescription, DicomVR.LO, patient.StudyDescription)
            // Series: new, one per object kind and report version
            .AddOrUpdate(DicomTags.Modality, DicomVR.CS, modality)
            .AddOrUpdate(DicomTags.SeriesInstanceUID, DicomVR.UI, PacsUids.Series(record.StudyInstanceUid, version, kind))
            .AddOrUpdate(DicomTags.SeriesNumber, DicomVR.IS, SeriesNumber(kind, version))
            .AddOrUpdate(DicomTags.SeriesDate, DicomVR.DA, date)
            .AddOrUpdate(DicomTags.SeriesTime, DicomVR.TM, time)
            // A later version names the one it replaces where a PACS browser shows it first.
            .AddOrUpdate(DicomTags.SeriesDescription, DicomVR.LO, ReportAmendment.SeriesDescription(seriesDescription, version))
            // General Equipment: AmpaCds made this object
            .AddOrUpdate(DicomTags.Manufacturer, DicomVR.LO, AmpaCdsSoftware.Name)
            .AddOrUpdate(DicomTags.ManufacturerModelName, DicomVR.LO, AmpaCdsSoftware.Name)
            .AddOrUpdate(DicomTags.SoftwareVersions, DicomVR.LO, AmpaCdsSoftware.Version)
            .AddOrUpdate(DicomTags.ContentDate, DicomVR.DA, date)
            .AddOrUpdate(DicomTags.ContentTime, DicomVR.TM, time);
    }

    /// <summary>Series numbers out of the scanner's usual range, distinct per kind and version (report 2's PDF is 9201).</summary>
    private static int SeriesNumber(PacsObjectKind kind, int version) => 9000 + Math.Min(version, 99) * 100 + (int)kind + 1;
}
