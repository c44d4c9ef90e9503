namespace AmpaCds.Reporting.Studies;

/// <summary>The identifying header fields shown on the report; sent by Intake in StudyDemographicsCaptured, to Reporting only.</summary>
public sealed record PatientHeader(string PatientName, string PatientId, string StudyDate, string StudyDescription)
{
    /// <summary>Referring Physician's Name as the header holds it; the care-team rule compares it with the caller's DICOM name.</summary>
    public string ReferringPhysicianName { get; init; } = "";

    /// <summary>The rest of the patient and study modules, repeated in the objects sent back to the PACS; empty when the header has none.</summary>
    public string PatientBirthDate { get; init; } = "";

    public string PatientSex { get; init; } = "";

    public string StudyTime { get; init; } = "";

    public string AccessionNumber { get; init; } = "";

    public string StudyId { get; init; } = "";
}
