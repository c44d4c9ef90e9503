using AmpaCds.Domain.Clinical;

namespace AmpaCds.Domain.Cohorts;

/// <summary>
/// One subject as the cohort CSV carries it: clinical data, baseline SUVR per region and the outcome.
/// This is the training input of the response model, so a site's real cohort can stand in for the synthetic one.
/// </summary>
/// <param name="MadrsChangePercent">Signed: negative is improvement (-50 = MADRS halved). Null when untreated.</param>
/// <param name="FollowUpSuvr">SUVR per region at the follow-up scan (optional `followup_suvr_&lt;region&gt;` columns); null when the file has none.</param>
public sealed record CohortRow(
    string SubjectId,
    SubjectGroup Group,
    int Age,
    Sex Sex,
    int BaselineMadrs,
    TreatmentArm Arm,
    IReadOnlyDictionary<string, double> BaselineSuvr,
    int? FollowUpMadrs,
    double? MadrsChangePercent,
    bool? Responder,
    bool? Remitter,
    IReadOnlyDictionary<string, double>? FollowUpSuvr = null);
