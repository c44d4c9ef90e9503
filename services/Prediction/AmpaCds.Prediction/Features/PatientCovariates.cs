namespace AmpaCds.Prediction.Features;

/// <summary>Clinical covariates a model may use besides the regional SUVR.</summary>
public sealed record PatientCovariates(double Age, double BaselineMadrs);
