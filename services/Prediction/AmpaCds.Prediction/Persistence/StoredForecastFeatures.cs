namespace AmpaCds.Prediction.Persistence;

/// <summary>The features a forecast was made from, as IssuedForecasts.Features stores them (Prediction's own shape).</summary>
/// <param name="Suvr">Regional SUVR by region name, as the model was given them.</param>
/// <param name="Age">Age, when the caller gave covariates.</param>
/// <param name="BaselineMadrs">Baseline MADRS, when the caller gave covariates.</param>
public sealed record StoredForecastFeatures(IReadOnlyDictionary<string, double> Suvr, double? Age = null, double? BaselineMadrs = null);
