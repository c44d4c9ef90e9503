namespace AmpaCds.Prediction.Training;

public enum ResponseTrainerKind
{
    /// <summary>Cross-validate every candidate and keep the one with the higher AUC.</summary>
    Auto,
    LogisticRegression,
    FastTree,
}
