using AmpaCds.Domain.Clinical;
using AmpaCds.Domain.Regions;
using AmpaCds.Research.Synthetic.Cohort;
using AmpaCds.Research.Synthetic.Regions;

namespace AmpaCds.Prediction.Tests;

/// <summary>The simulated cohort reproduces the directions of the docs/SCIENCE.md findings table.</summary>
public class EffectDirectionTests
{
    private static readonly string[] Cortex = [RegionIds.FrontalCortex, RegionIds.ParietalCortex, RegionIds.TemporalCortex, RegionIds.OccipitalCortex];

    private static readonly IReadOnlyList<VirtualSubject> Cohort =
        CohortSimulator.Simulate(2000, 11, new CohortOptions { TrdShare = 0.5, KetamineShareOfTrd = 0.5 });

    private static IEnumerable<VirtualSubject> Trd => Cohort.Where(s => s.Group == SubjectGroup.Trd);
    private static IEnumerable<VirtualSubject> Healthy => Cohort.Where(s => s.Group == SubjectGroup.Healthy);

    [Fact]
    public void Cortex_is_higher_in_trd_than_in_healthy_controls_in_density_and_suvr()
    {
        Assert.True(Trd.Average(s => Cortex.Average(r => s.BaselineDensity[r])) > Healthy.Average(s => Cortex.Average(r => s.BaselineDensity[r])));
        Assert.True(Trd.Average(s => Cortex.Average(r => s.BaselineSuvr()[r])) > Healthy.Average(s => Cortex.Average(r => s.BaselineSuvr()[r])));
    }

    [Theory]
    [InlineData(RegionIds.PosteriorInsula)]
    [InlineData(RegionIds.GlobusPallidus)]
    [InlineData(RegionIds.Putamen)]
    [InlineData(RegionIds.Cerebellum)]
    public void Region_is_lower_in_trd_suvr(string region) =>
        Assert.True(Trd.Average(s => s.BaselineSuvr()[region]) < Healthy.Average(s => s.BaselineSuvr()[region]));

    [Theory]
    [InlineData(RegionIds.FrontalCortex)]
    [InlineData(RegionIds.ParietalCortex)]
    [InlineData(RegionIds.OccipitalCortex)]
    [InlineData(RegionIds.Cerebellum)]
    public void Higher_severity_goes_with_lower_density_in_trd(string region)
    {
        var trd = Trd.ToList();
        var r = Statistics.PearsonCorrelation(trd.Select(s => (double)s.BaselineMadrs).ToList(), trd.Select(s => s.BaselineDensity[region]).ToList());

        Assert.True(r < -0.1, $"correlation {r:F3}");
    }

    [Fact]
    public void Severity_effect_survives_the_whole_brain_reference_in_frontal_suvr()
    {
        // The whole-brain reference falls with severity too (the effect is widespread), so the SUVR effect is weaker.
        var trd = Trd.ToList();
        var r = Statistics.PearsonCorrelation(
            trd.Select(s => (double)s.BaselineMadrs).ToList(), trd.Select(s => s.BaselineSuvr()[RegionIds.FrontalCortex]).ToList());

        Assert.True(r < -0.05, $"correlation {r:F3}");
    }

    [Theory]
    [InlineData(RegionIds.ParietalCortex, +1)]
    [InlineData(RegionIds.OccipitalCortex, +1)]
    [InlineData(RegionIds.AnteriorCingulate, +1)]
    [InlineData(RegionIds.LateralHabenula, -1)]
    [InlineData(RegionIds.GlobusPallidus, -1)]
    public void Density_change_after_ketamine_follows_improvement_in_the_reported_direction(string region, int sign)
    {
        var ketamine = Trd.Where(s => s.Arm == TreatmentArm.Ketamine).ToList();
        var improvement = ketamine.Select(s => -s.MadrsChangePercent!.Value).ToList();
        var suvrChange = ketamine.Select(s => s.FollowUpSuvr(RegionVolumeFractions.Default)![region] / s.BaselineSuvr()[region] - 1).ToList();

        Assert.True(sign * Statistics.PearsonCorrelation(improvement, suvrChange) > 0.1);
    }

    [Fact]
    public void Ketamine_improves_more_than_placebo_and_placebo_improves_a_little()
    {
        var ketamine = Trd.Where(s => s.Arm == TreatmentArm.Ketamine).Average(s => -s.MadrsChangePercent!.Value);
        var placebo = Trd.Where(s => s.Arm == TreatmentArm.Placebo).Average(s => -s.MadrsChangePercent!.Value);

        Assert.InRange(placebo, 2, 15);
        Assert.True(ketamine > placebo + 10, $"ketamine {ketamine:F1}% vs placebo {placebo:F1}%");
    }

    [Fact]
    public void Response_depends_on_the_baseline_pattern_positively_and_negatively()
    {
        var ketamine = Trd.Where(s => s.Arm == TreatmentArm.Ketamine).ToList();
        var improvement = ketamine.Select(s => -s.MadrsChangePercent!.Value).ToList();

        Assert.True(Statistics.PearsonCorrelation(ketamine.Select(s => s.BaselineSuvr()[RegionIds.ParietalCortex]).ToList(), improvement) > 0.05);
        Assert.True(Statistics.PearsonCorrelation(ketamine.Select(s => s.BaselineSuvr()[RegionIds.LateralHabenula]).ToList(), improvement) < -0.05);
    }
}
