using System.Diagnostics.Metrics;

namespace AmpaCds.Quantification.Diagnostics;

/// <summary>Quantification's instruments (meter "AmpaCds.Quantification", published as ampacds_quantification_*).</summary>
public sealed class QuantificationMetrics
{
    public const string MeterName = "AmpaCds.Quantification";

    private readonly Histogram<double> _quantifyDuration;

    public QuantificationMetrics(IMeterFactory meters)
    {
        ArgumentNullException.ThrowIfNull(meters);
        _quantifyDuration = meters.Create(MeterName).CreateHistogram<double>("quantify_duration_seconds", "s",
            "Loading, registration, regional uptake, maps and baseline comparison of one series, by outcome (measured or failed)");
    }

    /// <summary><paramref name="outcome"/> is the stored QuantificationOutcome (measured, failed).</summary>
    public void Quantified(TimeSpan elapsed, string outcome) =>
        _quantifyDuration.Record(elapsed.TotalSeconds, new KeyValuePair<string, object?>("outcome", outcome));
}
