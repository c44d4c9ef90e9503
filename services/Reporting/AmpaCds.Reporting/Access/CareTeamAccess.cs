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

    /// <summary>
    /// The series is known but the patient details (and so the referring physician) have not reached the
    /// gateway yet: they come in a message of their own, which may arrive after the series. Until then no one
    /// can tell whose patient it is, so a psychiatrist is told "not found yet" (retry), not "not yours".
    /// </summary>
    public static bool StillArriving(StudyRecord record) => record.Patient is null;

    public static string StillArrivingReason(StudyRecord record) =>
        $"study {record.StudyInstanceUid} is still arriving: its patient details have not reached the gateway yet";

    /// <summary>Why a psychiatrist may not open this study: said to them, and written to the audit trail.</summary>
    public string RefusalReason(ClaimsPrincipal user, StudyRecord record) =>
        user.FindFirst(auth.Value.DicomNameClaim) is null
            ? "your account has no DICOM name to match against a study's referring physician; ask the administrator to set it"
            : string.IsNullOrEmpty(record.Patient?.ReferringPhysicianName)
                ? $"study {record.StudyInstanceUid} names no referring physician, so it belongs to no psychiatrist's patients"
                : $"study {record.StudyInstanceUid} is not one of your patients' studies (another referring physician)";
}
