namespace AmpaCds.Reporting.Studies;

/// <summary>The identifying header fields shown on the report; sent by Intake in StudyDemographicsCaptured, to Reporting only.</summary>
public sealed record PatientHeader(string PatientName, string PatientId, string StudyDate, string StudyDescription)
{
    /// <summary>Referring Physician's Name as the header holds it; the care-team rule compares it with the caller's DICOM name.</summary>
    public string ReferringPhysicianName { get; init; } = "";
}
