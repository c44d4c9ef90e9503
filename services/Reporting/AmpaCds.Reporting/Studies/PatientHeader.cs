namespace AmpaCds.Reporting.Studies;

/// <summary>The identifying header fields shown on the report; sent by Intake in StudyDemographicsCaptured, to Reporting only.</summary>
public sealed record PatientHeader(string PatientName, string PatientId, string StudyDate, string StudyDescription);
