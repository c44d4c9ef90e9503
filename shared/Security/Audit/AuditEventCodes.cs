namespace AmpaCds.Security.Audit;

/// <summary>The DICOM (PS3.15 A.5.3, PS3.16 CID 400-403) coding of each <see cref="AuditEventKind"/>.</summary>
public static class AuditEventCodes
{
    public static readonly AuditCode ApplicationActivity = AuditCode.Dcm("110100", "Application Activity");
    public static readonly AuditCode AuditLogUsed = AuditCode.Dcm("110101", "Audit Log Used");
    public static readonly AuditCode InstancesAccessed = AuditCode.Dcm("110103", "DICOM Instances Accessed");
    public static readonly AuditCode InstancesTransferred = AuditCode.Dcm("110104", "DICOM Instances Transferred");
    public static readonly AuditCode Export = AuditCode.Dcm("110106", "Export");
    public static readonly AuditCode PatientRecord = AuditCode.Dcm("110110", "Patient Record");
    public static readonly AuditCode Query = AuditCode.Dcm("110112", "Query");
    public static readonly AuditCode SecurityAlert = AuditCode.Dcm("110113", "Security Alert");
    public static readonly AuditCode UserAuthentication = AuditCode.Dcm("110114", "User Authentication");

    public static readonly AuditCode Login = AuditCode.Dcm("110122", "Login");
    public static readonly AuditCode NodeAuthentication = AuditCode.Dcm("110126", "Node Authentication");
    public static readonly AuditCode UseOfRestrictedFunction = AuditCode.Dcm("110132", "Use of Restricted Function");

    public static AuditEventCoding For(AuditEventKind kind) => kind switch
    {
        AuditEventKind.ReportViewed => new(PatientRecord, "R", null),
        // PS3.15 A.5.3.6: the export is a read of the exported data.
        AuditEventKind.ReportExported => new(Export, "R", null),
        AuditEventKind.ForecastRequested => new(PatientRecord, "E", null),
        AuditEventKind.OutcomeRecorded => new(PatientRecord, "U", null),
        AuditEventKind.StudyReceived => new(InstancesTransferred, "C", null),
        AuditEventKind.StudySentToPacs => new(InstancesTransferred, "R", null),
        AuditEventKind.Query => new(Query, "E", null),
        AuditEventKind.InstancesAccessed => new(InstancesAccessed, "R", null),
        // No CID 401 type names a model change (110120/110121 are start/stop); the EventID alone says it.
        AuditEventKind.ModelChanged => new(ApplicationActivity, "U", null),
        AuditEventKind.AuditLogRead => new(AuditLogUsed, "R", null),
        AuditEventKind.UserAuthenticated => new(UserAuthentication, "E", Login),
        AuditEventKind.AuthenticationRefused => new(UserAuthentication, "E", Login),
        AuditEventKind.AuthorizationRefused => new(SecurityAlert, "E", UseOfRestrictedFunction),
        AuditEventKind.NodeAuthenticationRefused => new(SecurityAlert, "E", NodeAuthentication),
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, "no DICOM coding for this audit event kind"),
    };
}
