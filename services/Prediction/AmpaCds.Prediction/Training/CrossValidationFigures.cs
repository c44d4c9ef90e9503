namespace AmpaCds.Prediction.Training;

/// <summary>Cross-validated performance of one trainer family (means over folds).</summary>
internal sealed record CrossValidationFigures(double Auc, double MadrsChangeR2, double MadrsChangeMae);
