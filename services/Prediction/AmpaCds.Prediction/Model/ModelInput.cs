namespace AmpaCds.Prediction.Model;

/// <summary>ML.NET row. The feature vector length is set at run time by <see cref="MlSchema"/>.</summary>
internal sealed class ModelInput
{
    public float[] Features { get; set; } = [];

    /// <summary>Responder (at least 50% MADRS reduction); unused when scoring.</summary>
    public bool Label { get; set; }

    /// <summary>Signed % MADRS change (negative = improvement); unused when scoring.</summary>
    public float MadrsChangePercent { get; set; }
}
