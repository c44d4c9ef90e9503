using AmpaCds.Domain.Clinical;
using AmpaCds.Domain.Cohorts;

namespace AmpaCds.Prediction.Outcomes;

/// <summary>Pairs forecasts with outcomes and turns the pairs into a training cohort, whichever store they came from.</summary>
public static class OutcomeCohort
{
    /// <summary>Subjects with both a forecast and an outcome, ordered by key so that retraining is reproducible.</summary>
    public static IReadOnlyList<(IssuedForecastRecord Forecast, ObservedOutcomeRecord Outcome)> Pair(
        IReadOnlyDictionary<string, IssuedForecastRecord> forecasts, IReadOnlyDictionary<string, ObservedOutcomeRecord> outcomes)
    {
        ArgumentNullException.ThrowIfNull(forecasts);
        ArgumentNullException.ThrowIfNull(outcomes);
        return outcomes.Values
            .Where(outcome => forecasts.ContainsKey(outcome.SubjectKey))
            .OrderBy(outcome => outcome.SubjectKey, StringComparer.Ordinal)
            .Select(outcome => (forecasts[outcome.SubjectKey], outcome))
            .ToList();
    }

    /// <summary>
    /// The recorded patients as a training cohort (TRD, ketamine arm). Subject ids are sequence numbers, not the keys,
    /// so the cohort can leave the service without the study UIDs.
    /// </summary>
    public static IReadOnlyList<CohortRow> From(IReadOnlyList<(IssuedForecastRecord Forecast, ObservedOutcomeRecord Outcome)> pairs,
        OutcomeCriteria? criteria = null)
    {
        ArgumentNullException.ThrowIfNull(pairs);
        criteria ??= OutcomeCriteria.Default;
        return pairs.Select((pair, i) => new CohortRow(
            $"OUT-{i + 1:D4}", SubjectGroup.Trd, pair.Outcome.Age ?? 0, pair.Outcome.Sex ?? Sex.Female, pair.Outcome.BaselineMadrs,
            TreatmentArm.Ketamine, pair.Forecast.BaselineSuvr, pair.Outcome.FollowUpMadrs, pair.Outcome.MadrsChangePercent,
            criteria.IsResponder(pair.Outcome.MadrsChangePercent), criteria.IsRemitter(pair.Outcome.FollowUpMadrs))).ToList();
    }
}
