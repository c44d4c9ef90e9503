using AmpaCds.Domain.Clinical;
using AmpaCds.Domain.Regions;
using AmpaCds.Research.Synthetic.Cohort;
using AmpaCds.Research.Synthetic.Regions;

namespace AmpaCds.Prediction.Tests;

public class CohortSimulatorTests
{
    [Fact]
    public void Same_seed_gives_identical_cohort()
    {
        var first = CohortSimulator.Simulate(60, 42, CohortOptions.Default);
        var second = CohortSimulator.Simulate(60, 42, CohortOptions.Default);

        Assert.Equal(Describe(first), Describe(second));
    }

    [Fact]
    public void Different_seed_gives_different_cohort()
    {
        var first = CohortSimulator.Simulate(60, 42, CohortOptions.Default);
        var second = CohortSimulator.Simulate(60, 43, CohortOptions.Default);

        Assert.NotEqual(Describe(first), Describe(second));
    }

    [Fact]
    public void Allocation_follows_the_requested_shares_exactly()
    {
        var cohort = CohortSimulator.Simulate(100, 1, new CohortOptions { TrdShare = 0.6, KetamineShareOfTrd = 0.5 });

        Assert.Equal(40, cohort.Count(s => s.Group == SubjectGroup.Healthy && s.Arm == TreatmentArm.None));
        Assert.Equal(30, cohort.Count(s => s.Arm == TreatmentArm.Ketamine));
        Assert.Equal(30, cohort.Count(s => s.Arm == TreatmentArm.Placebo));
    }

    [Fact]
    public void Healthy_controls_have_no_outcome_and_treated_patients_have_a_consistent_one()
    {
        var cohort = CohortSimulator.Simulate(200, 3, CohortOptions.Default);

        Assert.All(cohort.Where(s => s.Group == SubjectGroup.Healthy), s =>
        {
            Assert.Null(s.FollowUpDensity);
            Assert.Null(s.Responder);
        });
        Assert.All(cohort.Where(s => s.Group == SubjectGroup.Trd), s =>
        {
            Assert.Equal(100.0 * (s.FollowUpMadrs!.Value - s.BaselineMadrs) / s.BaselineMadrs, s.MadrsChangePercent!.Value, 9);
            Assert.Equal(s.MadrsChangePercent <= -50, s.Responder);
            Assert.Equal(s.FollowUpMadrs <= 10, s.Remitter);
            Assert.Equal(RegionIds.All.Count, s.FollowUpDensity!.Count);
        });
    }

    [Fact]
    public void Remission_threshold_is_configurable()
    {
        var options = CohortOptions.Default with { Outcome = new OutcomeCriteria { RemissionMaximumMadrs = 12 } };
        var cohort = CohortSimulator.Simulate(200, 3, options);

        Assert.All(cohort.Where(s => s.Group == SubjectGroup.Trd), s => Assert.Equal(s.FollowUpMadrs <= 12, s.Remitter));
    }

    [Fact]
    public void Null_cohort_shares_baselines_with_the_signal_cohort_of_the_same_seed()
    {
        var signal = CohortSimulator.Simulate(50, 9, CohortOptions.KetamineTraining);
        var nullCohort = CohortSimulator.Simulate(50, 9, CohortOptions.KetamineTraining with { NullSignal = true });

        Assert.Equal(signal.Select(s => s.BaselineDensity[RegionIds.FrontalCortex]), nullCohort.Select(s => s.BaselineDensity[RegionIds.FrontalCortex]));
        Assert.NotEqual(signal.Select(s => s.MadrsChangePercent), nullCohort.Select(s => s.MadrsChangePercent));
    }

    [Fact]
    public void Suvr_reference_is_the_voxel_weighted_whole_brain_mean()
    {
        var density = RegionIds.All.ToDictionary(r => r, r => r == RegionIds.WhiteMatter ? 1.0 : 2.0);
        var fractions = new RegionVolumeFractions { RelativeSize = RegionIds.All.ToDictionary(r => r, r => r == RegionIds.WhiteMatter ? 3.0 : 1.0 / 17) };

        // White matter holds 3 of 4 volume units at 1.0, everything else 1 unit at 2.0: reference 1.25.
        Assert.Equal(1.25, Suvr.WholeBrainReference(density, fractions), 12);
        Assert.Equal(1.6, Suvr.Compute(density, fractions)[RegionIds.FrontalCortex], 12);
    }

    private static string Describe(IEnumerable<VirtualSubject> cohort) => string.Join('\n', cohort.Select(s =>
        $"{s.Id} {s.Group} {s.Age} {s.Sex} {s.BaselineMadrs} {s.Arm} {s.FollowUpMadrs} {s.MadrsChangePercent} " +
        string.Join(',', RegionIds.All.Select(r => s.BaselineDensity[r].ToString("R", System.Globalization.CultureInfo.InvariantCulture)))));
}
