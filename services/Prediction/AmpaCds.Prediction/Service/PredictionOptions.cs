namespace AmpaCds.Prediction.Service;

/// <summary>Prediction service settings (section "AmpaCds:Prediction").</summary>
public sealed class PredictionOptions
{
    public const string Section = "AmpaCds:Prediction";

    /// <summary>
    /// This replica's local cache of model files, filled from the blob store (prediction/models/&lt;version&gt;/) on demand;
    /// defaults to prediction/models under the data root. Not shared: each replica may have its own.
    /// </summary>
    public string? RegistryFolder { get; set; }

    /// <summary>
    /// How long a replica trusts the active model version it read from the database before reading it again: an
    /// activation elsewhere reaches this replica within this many seconds (at once when activated here). 0 reads it on
    /// every forecast.
    /// </summary>
    public double ActiveModelRefreshSeconds { get; set; } = 2;

    /// <summary>
    /// How often the calibration drift gauge (ampacds_prediction_calibration_drift) is recomputed from the recorded
    /// outcomes. Outcomes arrive weeks after a forecast, so minutes are plenty.
    /// </summary>
    public double CalibrationCheckSeconds { get; set; } = 300;

    /// <summary>
    /// The partial-volume correction this site's Quantification measures with (AmpaCds:Quantification:PartialVolume:Method):
    /// "gtm" installs the shipped GTM model, anything else the uncorrected one. Only chooses among the shipped models; a
    /// model the site activated itself stays active, and every forecast still checks the card against the study.
    /// </summary>
    public string PartialVolumeMethod { get; set; } = "none";
}
