namespace AmpaCds.Security.Audit;

/// <summary>A coded value of the DICOM audit message (csd-code, codeSystemName, originalText).</summary>
public sealed record AuditCode(string Code, string CodeSystemName, string DisplayName)
{
    public static AuditCode Dcm(string code, string displayName) => new(code, "DCM", displayName);

    public static AuditCode Rfc3881(string code, string displayName) => new(code, "RFC-3881", displayName);
}
