using AmpaCds.Prediction.Evaluation;
using AmpaCds.Prediction.Model;

namespace AmpaCds.Prediction.Ensemble;

/// <summary>
/// The deployed form of a logistic-regression model, scored in plain arithmetic (microseconds, no ML.NET engine):
/// standardisation, the full-data classifier and regressor, Platt calibration fitted on out-of-fold logits, and the
/// bootstrap members that give the intervals. Saved as ensemble.json beside model.zip.
/// </summary>
public sealed record ForecastEnsemble(
    IReadOnlyList<string> FeatureNames,
    double[] Means,
    double[] StandardDeviations,
    LinearWeights Classifier,
    LinearWeights Regressor,
    LogisticRecalibration Calibration,
    IReadOnlyList<EnsembleMember> Members)
{
    public const string CalibrationMethod = "platt (out-of-fold logits)";
    private const double LowerQuantile = 0.05;
    private const double UpperQuantile = 0.95;

    public DetailedForecast Forecast(float[] features, string modelVersion, bool synthetic)
    {
        Span<double> z = stackalloc double[features.Length];
        for (var i = 0; i < features.Length; i++)
        {
            z[i] = (features[i] - Means[i]) / StandardDeviations[i];
        }

        var probability = Calibration.Apply(Classifier.Score(z));
        var change = Regressor.Score(z);
        var memberProbabilities = new double[Members.Count];
        var memberChanges = new double[Members.Count];
        for (var m = 0; m < Members.Count; m++)
        {
            memberProbabilities[m] = Calibration.Apply(Members[m].Classifier.Score(z));
            memberChanges[m] = Members[m].Regressor.Score(z);
        }

        var contributions = new FeatureContribution[features.Length];
        for (var i = 0; i < features.Length; i++)
        {
            contributions[i] = new FeatureContribution(FeatureNames[i], features[i], z[i], Calibration.Slope * Classifier.Weights[i] * z[i]);
        }

        Array.Sort(contributions, (a, b) => Math.Abs(b.LogitContribution).CompareTo(Math.Abs(a.LogitContribution)));
        return new DetailedForecast(
            new ResponseForecast(probability, change, modelVersion, synthetic),
            Interval(memberProbabilities), Interval(memberChanges), contributions, CalibrationMethod);
    }

    /// <summary>Share of the absolute calibrated weight per feature (features are standardised, so weights compare).</summary>
    public IReadOnlyDictionary<string, double> GlobalImportance()
    {
        var total = Classifier.Weights.Sum(w => Math.Abs(w));
        return FeatureNames.Select((name, i) => (name, share: total == 0 ? 0.0 : Math.Abs(Classifier.Weights[i]) / (double)total))
            .OrderByDescending(x => x.share)
            .ToDictionary(x => x.name, x => x.share);
    }

    private static ForecastInterval? Interval(double[] values)
    {
        if (values.Length == 0)
        {
            return null;
        }

        Array.Sort(values);
        return new ForecastInterval(BootstrapIntervals.Quantile(values, LowerQuantile), BootstrapIntervals.Quantile(values, UpperQuantile));
    }
}
