using AmpaCds.Domain.Cohorts;
using AmpaCds.Research.ModelEvaluation;
using AmpaCds.Research.Synthetic.Cohort;
using BenchmarkDotNet.Attributes;

namespace AmpaCds.Prediction.Benchmarks;

/// <summary>
/// The whole `ampacds model train` comparison on a 1,000-patient signal cohort: nested 5x3-fold cross-validation of
/// six trainers plus the clinical baseline, 1,000 bootstrap resamples per metric. Target: under 60 s. The permutation
/// test is measured separately because its cost scales with the number of permutations (5 fits each).
/// </summary>
[Config(typeof(NestedComparisonConfig))]
public class NestedCrossValidationBenchmarks
{
    private IReadOnlyList<CohortRow> _cohort = null!;

    [Params(0, 19)]
    public int Permutations { get; set; }

    [GlobalSetup]
    public void Setup() => _cohort = CohortRows.FromSubjects(CohortSimulator.Simulate(1000, 7, CohortOptions.KetamineTraining));

    [Benchmark]
    public ModelComparisonReport NestedComparison1000Patients() =>
        ModelComparison.Run(_cohort, options: new ComparisonOptions { Permutations = Permutations });
}
