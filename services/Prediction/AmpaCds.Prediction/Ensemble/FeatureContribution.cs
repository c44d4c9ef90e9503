namespace AmpaCds.Prediction.Ensemble;

/// <summary>
/// How one feature moved this patient's forecast: <see cref="LogitContribution"/> = calibrated weight × the patient's
/// deviation from the training cohort mean in SD. Positive pushes toward response, negative away from it.
/// </summary>
public sealed record FeatureContribution(string Feature, double Value, double StandardisedDeviation, double LogitContribution);
