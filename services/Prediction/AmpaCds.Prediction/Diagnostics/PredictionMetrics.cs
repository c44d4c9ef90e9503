using System.Diagnostics.Metrics;
using AmpaCds.Prediction.Outcomes;

namespace AmpaCds.Prediction.Diagnostics;

/// <summary>
/// Prediction's instruments (meter "AmpaCds.Prediction", published as ampacds_prediction_*). The drift gauge shows the
/// last <see cref="CalibrationDriftReport"/> that <see cref="CalibrationDriftMonitor"/> computed: 1 for a model version
/// whose observed response rate left its forecasts' calibration band, 0 otherwise; no series before outcomes exist.
/// </summary>
public sealed class PredictionMetrics
{
    public const string MeterName = "AmpaCds.Prediction";

    private readonly Histogram<double> _predictDuration;
    private readonly Counter<long> _forecasts;
    private volatile IReadOnlyList<CalibrationDriftRow> _drift = [];

    public PredictionMetrics(IMeterFactory meters)
    {
        ArgumentNullException.ThrowIfNull(meters);
        var meter = meters.Create(MeterName);
        _predictDuration = meter.CreateHistogram<double>("predict_duration_seconds", "s", "The model's forecast of one measurement");
        _forecasts = meter.CreateCounter<long>("forecasts_total", "{forecast}", "Forecasts issued, by model version");
        meter.CreateObservableGauge("calibration_drift", ObserveDrift, "{flag}",
            "1 when the observed response rate of a model version's patients lies outside 1.96 standard errors of its mean forecast");
        meter.CreateObservableGauge("calibration_patients", ObservePatients, "{patient}",
            "Patients with a recorded outcome behind the drift flag, by model version");
    }

    public void Predicted(TimeSpan elapsed) => _predictDuration.Record(elapsed.TotalSeconds);

    public void ForecastIssued(string modelVersion) => _forecasts.Add(1, new KeyValuePair<string, object?>("model_version", modelVersion));

    public void DriftChecked(CalibrationDriftReport report)
    {
        ArgumentNullException.ThrowIfNull(report);
        _drift = report.Rows;
    }

    private IEnumerable<Measurement<int>> ObserveDrift() =>
        _drift.Select(row => new Measurement<int>(row.Drift ? 1 : 0, new KeyValuePair<string, object?>("model_version", row.Model)));

    private IEnumerable<Measurement<int>> ObservePatients() =>
        _drift.Select(row => new Measurement<int>(row.Patients, new KeyValuePair<string, object?>("model_version", row.Model)));
}
