using System.Globalization;

namespace AmpaCds.Prediction.Model;

/// <summary>Writes the model card line a report shows beside the forecast.</summary>
internal static class ModelCardSummary
{
    public static string Describe(ModelCard card)
    {
        var origin = card.TrainedOnSyntheticData ? "synthetic cohort" : $"{card.Origin} cohort";
        var validation = card.Evaluation is { } e
            ? $"{e.Scheme} AUC {F(e.Auc.Value)} (95% CI {F(e.Auc.Lower)}-{F(e.Auc.Upper)}), calibration slope {F(e.CalibrationSlope.Value)}, " +
              $"clinical-only AUC {F(e.ClinicalBaselineAuc)}, permutation p = {F(e.PermutationPValue)}: {e.Verdict}"
            : $"{card.CrossValidationFolds}-fold cross-validated AUC {F(card.CrossValidatedAuc)} (not nested; no permutation test)";
        var features = card.FeatureSource is { } source ? $" (SUVR {source})" : "";
        return $"{card.Version}: {card.Trainer} trained {card.TrainedAtUtc:yyyy-MM-dd} on a {origin} of {card.CohortSize} patients{features}; " +
               $"{validation}; {card.IntendedUse}";
    }

    private static string F(double value) => value.ToString("0.00", CultureInfo.InvariantCulture);
}
