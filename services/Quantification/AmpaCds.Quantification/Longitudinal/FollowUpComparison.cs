using AmpaCds.Contracts.Messages;
using AmpaCds.Imaging.Geometry;

namespace AmpaCds.Quantification.Longitudinal;

/// <summary>
/// A measured study as it is to be stored, and its change against the patient's baseline.
/// </summary>
/// <param name="PatientKey">Keyed hash of the patient identifier; null when the series had none (nothing to link).</param>
/// <param name="Change">Null when there is no baseline.</param>
/// <param name="ChangeMap">Follow-up minus baseline SUVR in template space; null without a baseline map.</param>
/// <param name="NotComparedReason">Why a baseline exists but was not compared (another partial-volume correction); null otherwise.</param>
public sealed record FollowUpComparison(StoredStudyResult Current, string? PatientKey, LongitudinalChange? Change, Volume? ChangeMap,
    string? NotComparedReason = null);
