namespace AmpaCds.Prediction.Features;

/// <summary>Why a feature set was rejected; lets callers react without parsing the message.</summary>
public enum FeatureValidationFailure
{
    /// <summary>Regions the model does not know, typically regional values from a different atlas.</summary>
    UnknownRegion,
    MissingRegion,
    NonFiniteValue,
    OutOfPlausibleRange,
    MissingCovariates,
    CovariateOutOfRange,
}
