namespace AmpaCds.Prediction.Model;

/// <summary>ML.NET scoring output: the classifier's probability (copied out before the regressor runs) and the regressor's score.</summary>
internal sealed class ModelOutput
{
    public float ResponseProbability { get; set; }

    /// <summary>Expected signed % MADRS change.</summary>
    public float Score { get; set; }
}
