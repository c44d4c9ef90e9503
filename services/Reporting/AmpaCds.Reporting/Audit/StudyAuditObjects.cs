using AmpaCds.Reporting.Studies;
using AmpaCds.Security.Audit;

namespace AmpaCds.Reporting.Audit;

/// <summary>The participant objects of an event about one study: its patient (when the header arrived) and the study.</summary>
public static class StudyAuditObjects
{
    public static IReadOnlyList<AuditObject> Of(StudyRecord record)
    {
        ArgumentNullException.ThrowIfNull(record);
        return record.Patient is { } patient
            ? [AuditObject.Patient(patient.PatientId, patient.PatientName), AuditObject.Study(record.StudyInstanceUid)]
            : [AuditObject.Study(record.StudyInstanceUid)];
    }

    /// <summary>A query object naming the gRPC method that ran it.</summary>
    public static AuditObject Query(string method, string? text = null) => new(AuditObjectKind.Query, method, text);
}
