namespace AmpaCds.Research.Analytics.Statistics;

/// <summary>One ordinary-least-squares coefficient with its standard error, t on the residual df and two-sided p.</summary>
public sealed record CoefficientTest(double Estimate, double StandardError, double T, double Df, double P);
