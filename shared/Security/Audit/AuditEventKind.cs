namespace AmpaCds.Security.Audit;

/// <summary>
/// The kinds of event the audit trail records; each maps to one DICOM audit message (PS3.15 A.5.3)
/// event ID and action (see <see cref="AuditEventCodes"/>).
/// </summary>
public enum AuditEventKind
{
    /// <summary>A report (patient record) was read: DCM 110110 Patient Record, action R.</summary>
    ReportViewed,

    /// <summary>A report left the system as a file (PDF, HTML, JSON export): DCM 110106 Export.</summary>
    ReportExported,

    /// <summary>A forecast was requested for a study: DCM 110110 Patient Record, action E.</summary>
    ForecastRequested,

    /// <summary>An outcome was recorded for a patient: DCM 110110 Patient Record, action U.</summary>
    OutcomeRecorded,

    /// <summary>Instances of a study were received (C-STORE or STOW-RS): DCM 110104 DICOM Instances Transferred, action C.</summary>
    StudyReceived,

    /// <summary>Objects of a study were sent to a PACS: DCM 110104 DICOM Instances Transferred, action R.</summary>
    StudySentToPacs,

    /// <summary>A query over patient data (QIDO-RS, study lists): DCM 110112 Query, action E.</summary>
    Query,

    /// <summary>Instances were read out (WADO-RS): DCM 110103 DICOM Instances Accessed, action R.</summary>
    InstancesAccessed,

    /// <summary>A model was trained, activated or retired: DCM 110100 Application Activity, action U.</summary>
    ModelChanged,

    /// <summary>The audit trail itself was read: DCM 110101 Audit Log Used, action R.</summary>
    AuditLogRead,

    /// <summary>A person or service signed in (a token was issued): DCM 110114 User Authentication, EventTypeCode 110122 Login.</summary>
    UserAuthenticated,

    /// <summary>A caller without a valid identity was refused: DCM 110114 User Authentication, outcome minor failure.</summary>
    AuthenticationRefused,

    /// <summary>An authenticated caller lacked the role or the patient relationship: DCM 110113 Security Alert.</summary>
    AuthorizationRefused,

    /// <summary>A network peer failed node authentication (TLS handshake, certificate): DCM 110113 Security Alert.</summary>
    NodeAuthenticationRefused,
}
