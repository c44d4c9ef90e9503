using System.Security.Claims;
using AmpaCds.Reporting.Studies;
using AmpaCds.Security.Access;
using Microsoft.Extensions.Options;

namespace AmpaCds.Reporting.Access;

/// <summary>
/// Which studies a caller may see. A psychiatrist reads the studies whose Referring Physician's Name is
/// their own DICOM name (the token's dicom_name claim); a PACS administrator sees every study's intake
/// stage but no clinical result (the API decides which calls return results).
/// </summary>
public sealed class CareTeamAccess(IOptions<AuthOptions> auth)
{
    public bool SeesAllStages(ClaimsPrincipal user) => user.IsInRole(Roles.PacsAdmin);

    public bool IsTreating(ClaimsPrincipal user, StudyRecord record) =>
        user.IsInRole(Roles.Psychiatrist)
        && PersonNames.Same(user.FindFirst(auth.Value.DicomNameClaim)?.Value, record.Patient?.ReferringPhysicianName);

    public bool MaySeeStage(ClaimsPrincipal user, StudyRecord record) => SeesAllStages(user) || IsTreating(user, record);

    /// <summary>Why a psychiatrist may not open this study: said to them, and written to the audit trail.</summary>
    public string RefusalReason(ClaimsPrincipal user, StudyRecord record) =>
        user.FindFirst(auth.Value.DicomNameClaim) is null
            ? "your account has no DICOM name to match against a study's referring physician; ask the administrator to set it"
            : string.IsNullOrEmpty(record.Patient?.ReferringPhysicianName)
                ? $"study {record.StudyInstanceUid} names no referring physician, so it belongs to no psychiatrist's patients"
                : $"study {record.StudyInstanceUid} is not one of your patients' studies (another referring physician)";
}
