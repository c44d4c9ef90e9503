using AmpaCds.Domain.Cohorts;
using AmpaCds.Research.Synthetic.Regions;

namespace AmpaCds.Research.Synthetic.Cohort;

/// <summary>Turns simulated subjects into cohort rows: the generator's side of the domain's training format.</summary>
public static class CohortRows
{
    /// <param name="features">How the baseline density becomes the SUVR in the row (ideal, or as the pipeline measures it).</param>
    /// <param name="withFollowUp">Also the follow-up SUVR of treated patients, through the same <paramref name="features"/> (paired analyses).</param>
    public static CohortRow FromSubject(VirtualSubject subject, IRegionalSuvrModel features, bool withFollowUp = false) => new(
        subject.Id, subject.Group, subject.Age, subject.Sex, subject.BaselineMadrs, subject.Arm,
        features.FromDensity(subject.BaselineDensity), subject.FollowUpMadrs, subject.MadrsChangePercent, subject.Responder, subject.Remitter,
        withFollowUp && subject.FollowUpDensity is { } followUp ? features.FromDensity(followUp) : null);

    public static IReadOnlyList<CohortRow> FromSubjects(IEnumerable<VirtualSubject> subjects, IRegionalSuvrModel? features = null, bool withFollowUp = false) =>
        subjects.Select(subject => FromSubject(subject, features ?? RegionVolumeFractions.Default, withFollowUp)).ToList();
}
