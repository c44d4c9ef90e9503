using AmpaCds.Domain.Clinical;

namespace AmpaCds.Prediction.Outcomes;

/// <summary>The MADRS observed after the ketamine course for a subject that was forecast. Age and sex are optional.</summary>
public sealed record ObservedOutcomeRecord(
    string SubjectKey,
    int BaselineMadrs,
    int FollowUpMadrs,
    int? Age,
    AmpaCds.Domain.Clinical.Sex? Sex,
    DateTimeOffset RecordedAt)
{
    /// <summary>Signed % change; negative is improvement, as in the cohort CSV.</summary>
    public double MadrsChangePercent => BaselineMadrs == 0 ? 0 : 100.0 * (FollowUpMadrs - BaselineMadrs) / BaselineMadrs;
}
