namespace AmpaCds.Prediction.Ensemble;

/// <summary>A central interval (e.g. 5th-95th percentile of the bootstrap ensemble for a 90% interval).</summary>
public sealed record ForecastInterval(double Lower, double Upper)
{
    public bool Contains(double value) => value >= Lower && value <= Upper;
}
