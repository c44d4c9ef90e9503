namespace AmpaCds.Prediction.Service;

/// <summary>Prediction service settings (section "AmpaCds:Prediction").</summary>
public sealed class PredictionOptions
{
    public const string Section = "AmpaCds:Prediction";

    /// <summary>Model registry folder; defaults to prediction/models under the data root.</summary>
    public string? RegistryFolder { get; set; }

    /// <summary>Issued forecasts and recorded outcomes; defaults to prediction/outcomes under the data root.</summary>
    public string? OutcomesFolder { get; set; }
}
