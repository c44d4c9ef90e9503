using AmpaCds.Domain.Clinical;
using AmpaCds.Domain.Cohorts;
using AmpaCds.Research.Analytics.Cohort;
using AmpaCds.Research.Simulation;
using AmpaCds.Research.Synthetic.Cohort;
using AmpaCds.Research.Synthetic.Effects;

namespace AmpaCds.Cli.Tests.Analytics;

/// <summary>
/// The analysis finds what the effect model (docs/SCIENCE.md directions) wrote into a study-composition cohort, and
/// finds nothing FDR-significant in null cohorts more often than the 5 % the FDR level allows.
/// </summary>
public sealed class CohortAnalysisDirectionTests
{
    private static readonly EffectModel Model = EffectModel.Default;

    /// <summary>Ten times the study (340 TRD, 490 controls; seed 11): at the study's own size small effects (g about 0.2) can flip.</summary>
    private static CohortAnalysisResult Study(int n, int seed, bool nullSignal = false) => CohortAnalysis.Run(
        CohortRows.FromSubjects(CohortSimulator.Simulate(n, seed, CohortOptions.Default with { NullSignal = nullSignal }), PartialVolumeSuvrModel.Default, withFollowUp: true));

    [Fact]
    public void Every_region_the_model_moves_comes_out_in_its_direction()
    {
        var result = Study(830, 11);

        Assert.All(result.GroupComparison.Where(row => Model.For(row.Region).TrdShift.Value != 0),
            row => Assert.True(Math.Sign(row.Difference) == Math.Sign(Model.For(row.Region).TrdShift.Value), $"TRD - HC {row.Region}: {row.Difference}"));
        Assert.All(result.ChangeVsImprovement!.Where(row => Model.For(row.Region).KetamineChangePerImprovement.Value != 0),
            row => Assert.True(Math.Sign(row.PearsonR) == Math.Sign(Model.For(row.Region).KetamineChangePerImprovement.Value), $"change vs improvement {row.Region}: {row.PearsonR}"));
        // A positive response weight favours improvement, i.e. a more negative % MADRS change: r has the opposite sign.
        Assert.All(result.Prediction!.Where(row => Model.For(row.Region).ResponseWeight.Value != 0),
            row => Assert.True(Math.Sign(row.PearsonR) == -Math.Sign(Model.For(row.Region).ResponseWeight.Value), $"prediction {row.Region}: {row.PearsonR}"));
        // Severity slopes of at least 0.005 per MADRS point; temporal cortex's -0.003 is absorbed by the whole-brain reference of the SUVR.
        Assert.All(result.Severity!.Where(row => Model.For(row.Region).SeveritySlopePerMadrsPoint.Value <= -0.005),
            row => Assert.True(row.PearsonR < 0, $"severity {row.Region}: {row.PearsonR}"));
        // The big effects are FDR-significant, not only of the right sign.
        Assert.True(result.GroupComparison.Single(row => row.Region == "posterior_insula").Q < 0.05);
        Assert.True(result.ChangeVsImprovement!.Single(row => row.Region == "lateral_habenula").PearsonQ < 0.05);
    }

    /// <summary>
    /// Seeded repetitions of each null (bounded: about 5 s). With q &lt; 0.05 a complete null yields a significant region in
    /// about 5 % of cohorts, so 20 repetitions cannot tell 5 % from 10 % (two hits out of 20 happen 26 % of the time at
    /// exactly 5 %). 400 repetitions can: a rate of 5 % gives more than 31 hits in under 1 % of runs.
    /// </summary>
    private const int Repetitions = 400;
    private const int MostHitsAtFivePercent = 31;

    [Fact]
    public void Permuted_groups_find_a_significant_region_in_no_more_than_five_percent_of_cohorts()
    {
        // Null for TRD vs HC: `--null` only decouples the response, so the group labels of a study cohort are shuffled
        // (seeded) among its subjects; any difference left is chance.
        var hits = Enumerable.Range(1, Repetitions).Count(seed =>
        {
            var rows = CohortRows.FromSubjects(CohortSimulator.Simulate(83, seed, CohortOptions.Default), PartialVolumeSuvrModel.Default);
            var groups = rows.Select(row => row.Group).ToArray();
            new Random(seed).Shuffle(groups);
            var permuted = rows.Select((row, i) => row with { Group = groups[i] }).ToList();
            return CohortAnalysis.Run(permuted).GroupComparison.Any(row => row.Q < 0.05);
        });

        Assert.InRange(hits, 0, MostHitsAtFivePercent);
    }

    [Fact]
    public void Null_cohorts_find_a_predictive_region_in_no_more_than_five_percent_of_cohorts()
    {
        // `--null`: the improvement is drawn from an unrelated phantom patient, so baseline SUVR carries no information about it.
        var hits = Enumerable.Range(1, Repetitions).Count(seed => Study(83, seed, nullSignal: true).Prediction!.Any(row => row.PearsonQ < 0.05));

        Assert.InRange(hits, 0, MostHitsAtFivePercent);
    }

    [Fact]
    public void Too_few_controls_is_refused_with_the_counts()
    {
        var rows = CohortRows.FromSubjects(CohortSimulator.Simulate(40, 3, CohortOptions.Default)).Where(row => row.Group == SubjectGroup.Trd).ToList();

        var error = Assert.Throws<CohortAnalysisException>(() => CohortAnalysis.Run([.. rows, .. HealthyRows(2)]));

        Assert.Contains("has 16 TRD and 2 healthy", error.Message, StringComparison.Ordinal);
    }

    private static IEnumerable<CohortRow> HealthyRows(int count) =>
        CohortRows.FromSubjects(CohortSimulator.Simulate(40, 4, CohortOptions.Default)).Where(row => row.Group == SubjectGroup.Healthy).Take(count);
}
