using AmpaCds.Domain.Clinical;
using AmpaCds.Research.Synthetic.Regions;

namespace AmpaCds.Research.Synthetic.Cohort;

/// <summary>
/// One simulated subject with the true regional AMPA density (SUV) at baseline and, for treated patients, at
/// follow-up. Outcome fields are null for healthy controls, who are scanned once and not treated.
/// </summary>
/// <param name="MadrsChangePercent">Signed: negative is improvement (-50 = MADRS halved).</param>
public sealed record VirtualSubject(
    string Id,
    SubjectGroup Group,
    int Age,
    Sex Sex,
    int BaselineMadrs,
    TreatmentArm Arm,
    IReadOnlyDictionary<string, double> BaselineDensity,
    IReadOnlyDictionary<string, double>? FollowUpDensity,
    int? FollowUpMadrs,
    double? MadrsChangePercent,
    bool? Responder,
    bool? Remitter)
{
    public IReadOnlyDictionary<string, double> BaselineSuvr() => BaselineSuvr(RegionVolumeFractions.Default);

    public IReadOnlyDictionary<string, double> BaselineSuvr(RegionVolumeFractions fractions) => Suvr.Compute(BaselineDensity, fractions);

    public IReadOnlyDictionary<string, double>? FollowUpSuvr(RegionVolumeFractions fractions) =>
        FollowUpDensity is null ? null : Suvr.Compute(FollowUpDensity, fractions);
}
