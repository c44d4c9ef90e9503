namespace AmpaCds.Research.Analytics.Statistics;

/// <summary>A correlation coefficient with its Fisher-z 95 % interval and two-sided p (t with n − 2 df).</summary>
public sealed record CorrelationResult(int Count, double R, double Lower, double Upper, double P);
