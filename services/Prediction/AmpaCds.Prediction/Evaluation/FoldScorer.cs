using AmpaCds.Prediction.Model;
using Microsoft.ML;

namespace AmpaCds.Prediction.Evaluation;

/// <summary>Fits a candidate on some patients and returns the calibrated response probability of others.</summary>
internal static class FoldScorer
{
    private sealed class ScoredRow
    {
        public float Probability { get; set; }
    }

    public static double[] FitAndScore(EvaluationSet set, Candidate candidate, IReadOnlyList<int> train, IReadOnlyList<int> test, int seed)
    {
        var ml = new MLContext(seed);
        var width = Features(set.Rows[0], candidate).Length;
        var trainView = MlSchema.Load(ml, train.Select(i => ToInput(set.Rows[i], candidate)), width);
        var testView = MlSchema.Load(ml, test.Select(i => ToInput(set.Rows[i], candidate)), width);
        var model = candidate.Build(ml).Fit(trainView);
        return ml.Data.CreateEnumerable<ScoredRow>(model.Transform(testView), reuseRowObject: false)
            .Select(row => double.IsFinite(row.Probability) ? (double)row.Probability : 0.5)
            .ToArray();
    }

    /// <summary>Out-of-fold probabilities of one candidate over a fold assignment restricted to <paramref name="subset"/>.</summary>
    public static double[] CrossValidate(EvaluationSet set, Candidate candidate, IReadOnlyList<int> subset, int folds, int seed)
    {
        var labels = subset.Select(i => set.Rows[i].Responder).ToArray();
        var assignment = FoldSplitter.Assign(labels, Math.Min(folds, subset.Count), seed);
        var scores = new double[subset.Count];
        for (var fold = 0; fold < assignment.Max() + 1; fold++)
        {
            var (train, test) = FoldSplitter.Split(assignment, fold);
            var predicted = FitAndScore(set, candidate, train.Select(i => subset[i]).ToArray(), test.Select(i => subset[i]).ToArray(), seed);
            for (var k = 0; k < test.Length; k++)
            {
                scores[test[k]] = predicted[k];
            }
        }

        return scores;
    }

    private static float[] Features(EvaluationRow row, Candidate candidate) =>
        candidate.Features == CandidateFeatures.Clinical ? row.Clinical : row.Regional;

    private static ModelInput ToInput(EvaluationRow row, Candidate candidate) => new()
    {
        Features = Features(row, candidate),
        Label = row.Responder,
        MadrsChangePercent = row.MadrsChangePercent,
    };
}
