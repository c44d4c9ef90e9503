using AmpaCds.Domain.Clinical;
using AmpaCds.Prediction.Evaluation;

namespace AmpaCds.Prediction.Outcomes;

/// <summary>How the issued forecasts compare with the outcomes recorded so far, per model version and overall.</summary>
public sealed record CalibrationDriftReport(IReadOnlyList<CalibrationDriftRow> Rows)
{
    /// <summary>AUC and calibration slope need both outcomes and enough patients to mean anything.</summary>
    public const int MinimumPatientsForSlope = 10;

    public static CalibrationDriftReport From(IReadOnlyList<(IssuedForecastRecord Forecast, ObservedOutcomeRecord Outcome)> pairs, OutcomeCriteria? criteria = null)
    {
        criteria ??= OutcomeCriteria.Default;
        var rows = pairs.GroupBy(pair => pair.Forecast.ModelVersion)
            .OrderBy(group => group.Key, StringComparer.Ordinal)
            .Select(group => Row(group.Key, group.ToList(), criteria))
            .ToList();
        if (pairs.Count > 0)
        {
            rows.Add(Row("all", pairs, criteria));
        }

        return new CalibrationDriftReport(rows);
    }

    private static CalibrationDriftRow Row(string model, IReadOnlyList<(IssuedForecastRecord Forecast, ObservedOutcomeRecord Outcome)> pairs, OutcomeCriteria criteria)
    {
        var predicted = pairs.Select(p => p.Forecast.ResponseProbability).ToArray();
        var observed = pairs.Select(p => criteria.IsResponder(p.Outcome.MadrsChangePercent)).ToArray();
        var bothClasses = observed.Contains(true) && observed.Contains(false);
        var meanPredicted = predicted.Average();
        var observedRate = observed.Count(o => o) / (double)observed.Length;
        var standardError = Math.Sqrt(predicted.Sum(p => p * (1 - p))) / predicted.Length;
        return new CalibrationDriftRow(
            model,
            pairs.Count,
            meanPredicted,
            observedRate,
            BinaryMetrics.Brier(predicted, observed),
            bothClasses ? BinaryMetrics.Auc(predicted, observed) : null,
            bothClasses && pairs.Count >= MinimumPatientsForSlope ? BinaryMetrics.CalibrationSlope(predicted, observed) : null,
            pairs.Average(p => p.Forecast.ExpectedMadrsChangePercent),
            pairs.Average(p => p.Outcome.MadrsChangePercent),
            pairs.Average(p => Math.Abs(p.Forecast.ExpectedMadrsChangePercent - p.Outcome.MadrsChangePercent)),
            Math.Abs(observedRate - meanPredicted) > 1.96 * standardError);
    }
}
