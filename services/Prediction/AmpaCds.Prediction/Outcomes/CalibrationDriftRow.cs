namespace AmpaCds.Prediction.Outcomes;

/// <summary>
/// Observed versus predicted for the patients one model version forecast (or all, with Model = "all").
/// <see cref="Drift"/> is set when the observed response rate lies outside 1.96 binomial standard errors of the
/// mean forecast, i.e. the model's calibration-in-the-large no longer holds for these patients.
/// </summary>
public sealed record CalibrationDriftRow(
    string Model,
    int Patients,
    double MeanPredictedProbability,
    double ObservedResponseRate,
    double Brier,
    double? Auc,
    double? CalibrationSlope,
    double MeanPredictedChangePercent,
    double MeanObservedChangePercent,
    double ChangeMeanAbsoluteError,
    bool Drift);
