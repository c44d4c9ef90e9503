namespace AmpaCds.Security.Audit;

/// <summary>A ParticipantObjectIdentification: the patient, study, query, model or node the event was about.</summary>
/// <param name="Kind">What the object is.</param>
/// <param name="Id">Patient ID, Study Instance UID, route or model version.</param>
/// <param name="Name">Patient name for a patient, query text for a query; optional.</param>
public sealed record AuditObject(AuditObjectKind Kind, string Id, string? Name = null)
{
    public static AuditObject Patient(string patientId, string? patientName = null) => new(AuditObjectKind.Patient, patientId, patientName);

    public static AuditObject Study(string studyInstanceUid) => new(AuditObjectKind.Study, studyInstanceUid);
}
