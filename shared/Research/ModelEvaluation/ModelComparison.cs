using System.Diagnostics;
using AmpaCds.Domain.Cohorts;
using AmpaCds.Prediction.Evaluation;
using AmpaCds.Prediction.Training;

namespace AmpaCds.Research.ModelEvaluation;

/// <summary>
/// Compares the trainers by nested cross-validation (leave-one-out outside for small cohorts), with bootstrap
/// confidence intervals and a permutation test. Deterministic for <see cref="ComparisonOptions.Seed"/>.
/// </summary>
public static class ModelComparison
{
    public static ModelComparisonReport Run(IReadOnlyList<CohortRow> cohort, TrainingOptions? training = null, ComparisonOptions? options = null)
    {
        options ??= new ComparisonOptions();
        var clock = Stopwatch.StartNew();
        var set = EvaluationSet.From(cohort, (training ?? new TrainingOptions()) with { Seed = options.Seed });
        var positives = set.Labels.Count(label => label);
        if (positives < 3 || set.Count - positives < 3)
        {
            throw new ArgumentException(
                $"Comparison needs at least 3 responders and 3 non-responders among TRD ketamine-arm patients; got {positives} of {set.Count}.",
                nameof(cohort));
        }

        var regional = CandidateCatalogue.Regional(options);
        var clinical = CandidateCatalogue.ClinicalBaseline(options);
        var leaveOneOut = set.Count <= options.LeaveOneOutMaximumPatients;
        var labels = set.Labels;
        var outer = FoldSplitter.Assign(labels, leaveOneOut ? set.Count : options.OuterFolds, options.Seed);

        var nested = new double[set.Count];
        var perCandidate = regional.Append(clinical).ToDictionary(c => c.Name, _ => new double[set.Count]);
        var selections = new List<string>();
        for (var fold = 0; fold <= outer.Max(); fold++)
        {
            var (train, test) = FoldSplitter.Split(outer, fold);
            var chosen = ChooseByInnerCrossValidation(set, regional, train, options);
            selections.Add(chosen.Name);
            foreach (var candidate in regional.Append(clinical))
            {
                var scores = FoldScorer.FitAndScore(set, candidate, train, test, options.Seed);
                for (var k = 0; k < test.Length; k++)
                {
                    perCandidate[candidate.Name][test[k]] = scores[k];
                    if (candidate == chosen)
                    {
                        nested[test[k]] = scores[k];
                    }
                }
            }
        }

        var threshold = set.ResponderShare;
        CandidateResult Result(Candidate c) =>
            new(c.Name, c.Features, BootstrapIntervals.Summarise(perCandidate[c.Name], labels, threshold, options.BootstrapResamples, options.Seed));
        var candidates = regional.Select(Result).ToList();
        var best = candidates.OrderByDescending(c => c.Metrics.Auc.Value).First();
        var deployed = regional.Where(c => c.IsDeployable).OrderByDescending(c => BinaryMetrics.Auc(perCandidate[c.Name], labels)).First();
        var nestedSummary = BootstrapIntervals.Summarise(nested, labels, threshold, options.BootstrapResamples, options.Seed);
        var clinicalScores = perCandidate[clinical.Name];
        var gain = BootstrapIntervals.Estimate(set.Count,
            indices => AucOf(nested, labels, indices) - AucOf(clinicalScores, labels, indices),
            BinaryMetrics.Auc(nested, labels) - BinaryMetrics.Auc(clinicalScores, labels), options.BootstrapResamples, options.Seed);
        var permutation = PermutationTest.Run(set, deployed, options);

        return new ModelComparisonReport
        {
            CohortSize = set.Count,
            ResponderShare = set.ResponderShare,
            TrainingDataHash = set.DataHash,
            Scheme = leaveOneOut
                ? $"leave-one-out (outer) with {options.InnerFolds}-fold inner"
                : $"nested {options.OuterFolds}x{options.InnerFolds}-fold",
            Seed = options.Seed,
            Nested = nestedSummary,
            SelectedPerOuterFold = selections,
            Candidates = candidates,
            ClinicalBaseline = Result(clinical),
            AucGainOverClinicalBaseline = gain,
            Best = best.Name,
            Deployed = deployed.Name,
            DeployedL2 = deployed.LogisticL2!.Value,
            Permutation = permutation,
            HasDemonstratedSkill = permutation.PValue <= options.Alpha && nestedSummary.Auc.Lower > 0.5,
            Duration = clock.Elapsed,
        };
    }

    private static Candidate ChooseByInnerCrossValidation(EvaluationSet set, IReadOnlyList<Candidate> regional, int[] train, ComparisonOptions options)
    {
        var trainLabels = train.Select(i => set.Rows[i].Responder).ToArray();
        // Ties go to the earlier candidate: the logistic regressions come first, most regularised last.
        return regional
            .Select((candidate, order) => (candidate, order,
                auc: BinaryMetrics.Auc(FoldScorer.CrossValidate(set, candidate, train, options.InnerFolds, options.Seed), trainLabels)))
            .OrderByDescending(x => double.IsNaN(x.auc) ? double.NegativeInfinity : x.auc)
            .ThenBy(x => x.order)
            .First().candidate;
    }

    private static double AucOf(double[] scores, bool[] labels, int[] indices) =>
        BinaryMetrics.Auc(indices.Select(i => scores[i]).ToArray(), indices.Select(i => labels[i]).ToArray());
}
