namespace AmpaCds.Prediction.Evaluation;

/// <summary>
/// Out-of-sample performance of a set of forecasts. Balanced accuracy calls a responder at or above the cohort's
/// responder share (about 0.22), not at 0.5, because few forecasts exceed 0.5 when responders are a minority.
/// </summary>
public sealed record MetricSummary(MetricEstimate Auc, MetricEstimate BalancedAccuracy, MetricEstimate Brier, MetricEstimate CalibrationSlope);
