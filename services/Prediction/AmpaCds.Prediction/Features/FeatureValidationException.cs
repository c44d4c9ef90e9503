using AmpaCds.Domain;

namespace AmpaCds.Prediction.Features;

/// <summary>Input features the model must not score; the message names the offending region or covariate and value.</summary>
public sealed class FeatureValidationException(FeatureValidationFailure failure, string message) : AmpaCdsException(message)
{
    public FeatureValidationFailure Failure { get; } = failure;
}
