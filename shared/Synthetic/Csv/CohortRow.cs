namespace AmpaCds.Synthetic;

/// <summary>
/// One subject as the cohort CSV carries it: clinical data, baseline SUVR per region and the outcome.
/// This is the training input of the response model, so a site's real cohort can stand in for the synthetic one.
/// </summary>
/// <param name="MadrsChangePercent">Signed: negative is improvement (-50 = MADRS halved). Null when untreated.</param>
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
    bool? Remitter)
{
    /// <param name="features">How the baseline density becomes the SUVR in the row (ideal, or as the pipeline measures it).</param>
    public static CohortRow FromSubject(VirtualSubject subject, IRegionalSuvrModel features) => new(
        subject.Id, subject.Group, subject.Age, subject.Sex, subject.BaselineMadrs, subject.Arm,
        features.FromDensity(subject.BaselineDensity), subject.FollowUpMadrs, subject.MadrsChangePercent, subject.Responder, subject.Remitter);

    public static IReadOnlyList<CohortRow> FromSubjects(IEnumerable<VirtualSubject> subjects, IRegionalSuvrModel? features = null) =>
        subjects.Select(subject => FromSubject(subject, features ?? RegionVolumeFractions.Default)).ToList();
}
