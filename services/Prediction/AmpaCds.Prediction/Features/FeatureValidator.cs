using System.Globalization;

namespace AmpaCds.Prediction.Features;

/// <summary>Checks regional SUVR and covariates against a layout and builds the feature vector; plain function.</summary>
public static class FeatureValidator
{
    public static float[] BuildFeatures(
        FeatureLayout layout, IReadOnlyDictionary<string, double> suvrByRegion, PatientCovariates? covariates, PlausibleRanges ranges)
    {
        var unknown = suvrByRegion.Keys.Where(region => !layout.Regions.Contains(region)).Order(StringComparer.Ordinal).ToList();
        if (unknown.Count > 0)
        {
            throw new FeatureValidationException(FeatureValidationFailure.UnknownRegion,
                $"Regions unknown to the model (values from a different atlas?): {string.Join(", ", unknown)}.");
        }

        var missing = layout.Regions.Where(region => !suvrByRegion.ContainsKey(region)).ToList();
        if (missing.Count > 0)
        {
            throw new FeatureValidationException(FeatureValidationFailure.MissingRegion,
                $"No SUVR for regions: {string.Join(", ", missing)}.");
        }

        var features = new float[layout.Count];
        for (var i = 0; i < layout.Regions.Count; i++)
        {
            var region = layout.Regions[i];
            features[i] = (float)Checked($"SUVR of '{region}'", suvrByRegion[region], ranges.MinimumSuvr, ranges.MaximumSuvr,
                FeatureValidationFailure.OutOfPlausibleRange);
        }

        if (layout.IncludesCovariates)
        {
            if (covariates is null)
            {
                throw new FeatureValidationException(FeatureValidationFailure.MissingCovariates,
                    "The model uses age and baseline MADRS, but no covariates were given.");
            }

            features[^2] = (float)Checked("Age", covariates.Age, ranges.MinimumAge, ranges.MaximumAge, FeatureValidationFailure.CovariateOutOfRange);
            features[^1] = (float)Checked("Baseline MADRS", covariates.BaselineMadrs, ranges.MinimumMadrs, ranges.MaximumMadrs,
                FeatureValidationFailure.CovariateOutOfRange);
        }

        return features;
    }

    private static double Checked(string what, double value, double minimum, double maximum, FeatureValidationFailure outOfRange)
    {
        if (!double.IsFinite(value))
        {
            throw new FeatureValidationException(FeatureValidationFailure.NonFiniteValue, $"{what} is {Format(value)}; a finite number is required.");
        }

        if (value < minimum || value > maximum)
        {
            throw new FeatureValidationException(outOfRange,
                $"{what} = {Format(value)} is outside the plausible range {Format(minimum)}-{Format(maximum)}.");
        }

        return value;
    }

    private static string Format(double value) => value.ToString(CultureInfo.InvariantCulture);
}
