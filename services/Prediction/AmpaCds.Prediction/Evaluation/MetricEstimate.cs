namespace AmpaCds.Prediction.Evaluation;

/// <summary>A metric with its 95% percentile-bootstrap confidence interval over patients.</summary>
public sealed record MetricEstimate(double Value, double Lower, double Upper);
