using AmpaCds.Prediction.Evaluation;

namespace AmpaCds.Research.ModelEvaluation;

/// <summary>
/// Does the candidate find more than chance? Re-runs its cross-validation on label-shuffled copies of the cohort
/// (a bounded, seeded number of times) and counts how often chance does as well as the true labels.
/// </summary>
internal static class PermutationTest
{
    public static PermutationTestResult Run(EvaluationSet set, Candidate candidate, ComparisonOptions options)
    {
        var everyone = Enumerable.Range(0, set.Count).ToArray();
        var labels = set.Labels;
        var observed = BinaryMetrics.Auc(FoldScorer.CrossValidate(set, candidate, everyone, options.PermutationFolds, options.Seed), labels);
        var random = new Random(unchecked(options.Seed * 7919 + 17));
        var nullAucs = new List<double>(options.Permutations);
        for (var permutation = 0; permutation < options.Permutations; permutation++)
        {
            var shuffled = (bool[])labels.Clone();
            random.Shuffle(shuffled);
            var permuted = set.WithLabels(shuffled);
            nullAucs.Add(BinaryMetrics.Auc(FoldScorer.CrossValidate(permuted, candidate, everyone, options.PermutationFolds, options.Seed), shuffled));
        }

        nullAucs.Sort();
        var atLeastAsGood = nullAucs.Count(auc => auc >= observed);
        return new PermutationTestResult(candidate.Name, observed, options.Permutations,
            nullAucs.Count == 0 ? double.NaN : nullAucs.Average(),
            nullAucs.Count == 0 ? double.NaN : BootstrapIntervals.Quantile(nullAucs, 0.95),
            (1.0 + atLeastAsGood) / (1.0 + options.Permutations));
    }
}
