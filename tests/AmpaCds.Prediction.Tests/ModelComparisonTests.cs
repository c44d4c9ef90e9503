using AmpaCds.Research.ModelEvaluation;
using Xunit.Abstractions;

namespace AmpaCds.Prediction.Tests;

/// <summary>Nested cross-validation on small cohorts (300 patients, 19 permutations) to stay within the CI budget.</summary>
public class ModelComparisonTests(ITestOutputHelper output)
{
    private static readonly ComparisonOptions Small = new() { Permutations = 19, BootstrapResamples = 300 };

    private static readonly Lazy<ModelComparisonReport> LazySignal =
        new(() => ModelComparison.Run(SharedModels.TrainingCohort(7, nullSignal: false, n: 300), options: Small));

    private static readonly Lazy<ModelComparisonReport> LazyNull =
        new(() => ModelComparison.Run(SharedModels.TrainingCohort(7, nullSignal: true, n: 300), options: Small with { IncludeTreeModels = false }));

    [Fact]
    public void Signal_cohort_beats_the_clinical_baseline_with_a_calibration_slope_near_one()
    {
        var report = LazySignal.Value;
        output.WriteLine(System.Text.Json.JsonSerializer.Serialize(report));

        Assert.True(report.Nested.Auc.Value > report.ClinicalBaseline.Metrics.Auc.Value + 0.1,
            $"nested AUC {report.Nested.Auc.Value:F3} vs clinical {report.ClinicalBaseline.Metrics.Auc.Value:F3}");
        Assert.True(report.AucGainOverClinicalBaseline.Lower > 0, $"gain CI lower {report.AucGainOverClinicalBaseline.Lower:F3}");
        Assert.InRange(report.Nested.CalibrationSlope.Value, 0.7, 1.3);
        Assert.True(report.HasDemonstratedSkill);
        Assert.Equal(ModelComparisonReport.DemonstratedSkill, report.Verdict);
        Assert.Equal(1.0 / 20, report.Permutation.PValue);
    }

    [Fact]
    public void Null_cohort_has_no_demonstrated_skill()
    {
        var report = LazyNull.Value;
        output.WriteLine(System.Text.Json.JsonSerializer.Serialize(report));

        Assert.False(report.HasDemonstratedSkill);
        Assert.Equal("no demonstrated skill", report.Verdict);
        Assert.True(report.Permutation.PValue > 0.05, $"p = {report.Permutation.PValue:F3}");
        Assert.InRange(report.Nested.Auc.Value, 0.35, 0.65);
    }

    [Fact]
    public void Every_trainer_and_the_clinical_baseline_are_reported_with_intervals()
    {
        var report = LazySignal.Value;

        Assert.Equal(["logistic-l2-1", "logistic-l2-10", "logistic-l2-50", "gam", "fast-tree", "lightgbm"], report.Candidates.Select(c => c.Name));
        Assert.Equal("clinical-baseline-logistic", report.ClinicalBaseline.Name);
        Assert.Equal(5, report.SelectedPerOuterFold.Count);
        foreach (var metric in report.Candidates.SelectMany(c => new[] { c.Metrics.Auc, c.Metrics.Brier, c.Metrics.BalancedAccuracy, c.Metrics.CalibrationSlope }))
        {
            Assert.True(metric.Lower <= metric.Value && metric.Value <= metric.Upper, $"{metric}");
        }

        Assert.StartsWith("logistic-l2-", report.Deployed);
    }

    [Fact]
    public void Small_cohorts_use_leave_one_out()
    {
        var report = ModelComparison.Run(SharedModels.TrainingCohort(11, nullSignal: false, n: 34),
            options: Small with { IncludeTreeModels = false, Permutations = 4, LogisticL2Grid = [1f, 10f] });

        Assert.StartsWith("leave-one-out", report.Scheme);
        Assert.Equal(34, report.SelectedPerOuterFold.Count);
    }

    [Fact]
    public void Same_seed_gives_the_same_comparison()
    {
        var cohort = SharedModels.TrainingCohort(5, nullSignal: false, n: 120);
        var options = Small with { Permutations = 3, IncludeTreeModels = false };

        var first = ModelComparison.Run(cohort, options: options);
        var second = ModelComparison.Run(cohort, options: options);

        Assert.Equal(first.Nested, second.Nested);
        Assert.Equal(first.Permutation, second.Permutation);
        Assert.Equal(first.Candidates, second.Candidates);
    }
}
