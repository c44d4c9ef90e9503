namespace AmpaCds.Reporting.Studies.Stored;

/// <summary>
/// The header fields Reporting keeps only to write the PACS objects' patient and study modules and references:
/// one JSON column (Studies.DicomHeader) rather than a column each.
/// </summary>
public sealed record StoredDicomHeader(
    string PatientBirthDate,
    string PatientSex,
    string StudyTime,
    string AccessionNumber,
    string StudyId,
    string SopClassUid,
    IReadOnlyList<string> SopInstanceUids);
