using AmpaCds.Domain.Clinical;
using AmpaCds.Research.Synthetic.Effects;

namespace AmpaCds.Research.Synthetic.Cohort;

/// <summary>Generates a cohort of virtual subjects from the effect model; the same seed gives the same cohort.</summary>
public static class CohortSimulator
{
    private const int MinimumAdultAge = 18;
    private const int MaximumAge = 80;

    // Phantom patients of a null cohort come from their own stream, so a null and a signal cohort with the same
    // seed share every baseline and differ only in the outcomes.
    private const int PhantomStreamSalt = 0x5A17;

    public static IReadOnlyList<VirtualSubject> Simulate(int n, int seed, CohortOptions? options = null)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(n);
        options ??= CohortOptions.Default;
        var random = new GaussianRandom(seed);
        var phantoms = new GaussianRandom(seed ^ PhantomStreamSalt);
        var allocation = Allocate(n, options, random);

        var subjects = new List<VirtualSubject>(n);
        for (var i = 0; i < n; i++)
        {
            subjects.Add(SimulateSubject($"VS-{i + 1:D4}", allocation[i], options, random, phantoms));
        }

        return subjects;
    }

    /// <summary>Exact group and arm counts (rounded shares), in a seeded random order.</summary>
    private static List<(SubjectGroup Group, TreatmentArm Arm)> Allocate(int n, CohortOptions options, GaussianRandom random)
    {
        var trd = (int)Math.Round(n * Math.Clamp(options.TrdShare, 0, 1));
        var ketamine = (int)Math.Round(trd * Math.Clamp(options.KetamineShareOfTrd, 0, 1));
        var allocation = new List<(SubjectGroup, TreatmentArm)>(n);
        allocation.AddRange(Enumerable.Repeat((SubjectGroup.Trd, TreatmentArm.Ketamine), ketamine));
        allocation.AddRange(Enumerable.Repeat((SubjectGroup.Trd, TreatmentArm.Placebo), trd - ketamine));
        allocation.AddRange(Enumerable.Repeat((SubjectGroup.Healthy, TreatmentArm.None), n - trd));
        random.Shuffle(allocation);
        return allocation;
    }

    private static VirtualSubject SimulateSubject(
        string id, (SubjectGroup Group, TreatmentArm Arm) allocation, CohortOptions options, GaussianRandom random, GaussianRandom phantoms)
    {
        var model = options.EffectModel;
        var age = Math.Clamp((int)Math.Round(random.NextNormal(model.AgeMean.Value, model.AgeSd.Value)), MinimumAdultAge, MaximumAge);
        var sex = random.NextUniform() < 0.5 ? Sex.Female : Sex.Male;
        var madrs = DrawBaselineMadrs(model, allocation.Group, random);
        var pattern = BaselinePattern.Draw(model, allocation.Group, madrs, random);
        var baselineDensity = ApplySubjectScale(pattern.RegionalDensity, model, random);

        if (allocation.Group == SubjectGroup.Healthy)
        {
            return new VirtualSubject(id, allocation.Group, age, sex, madrs, TreatmentArm.None, baselineDensity, null, null, null, null, null);
        }

        var improvement = allocation.Arm == TreatmentArm.Ketamine
            ? ImprovementModel.Ketamine(model, ResponsePattern(options, pattern, phantoms), random)
            : ImprovementModel.Placebo(model, random);
        var followUpMadrs = ImprovementModel.FollowUpMadrs(madrs, improvement);
        var change = OutcomeCriteria.ChangePercent(madrs, followUpMadrs);
        var followUpRegional = ImprovementModel.FollowUpRegionalDensity(model, pattern, allocation.Arm, -change / 100.0, random);
        var followUpDensity = ApplySubjectScale(followUpRegional, model, random);

        return new VirtualSubject(
            id, allocation.Group, age, sex, madrs, allocation.Arm, baselineDensity, followUpDensity,
            followUpMadrs, change, options.Outcome.IsResponder(change), options.Outcome.IsRemitter(followUpMadrs));
    }

    /// <summary>The pattern the response reads: the subject's own, or in a null cohort an unrelated phantom TRD patient's.</summary>
    private static BaselinePattern ResponsePattern(CohortOptions options, BaselinePattern own, GaussianRandom phantoms)
    {
        if (!options.NullSignal)
        {
            return own;
        }

        var phantomMadrs = DrawBaselineMadrs(options.EffectModel, SubjectGroup.Trd, phantoms);
        return BaselinePattern.Draw(options.EffectModel, SubjectGroup.Trd, phantomMadrs, phantoms);
    }

    private static int DrawBaselineMadrs(EffectModel model, SubjectGroup group, GaussianRandom random)
    {
        if (group == SubjectGroup.Healthy)
        {
            var healthy = random.NextNormal(model.HealthyMadrsMean.Value, model.HealthyMadrsSd.Value);
            return Math.Clamp((int)Math.Round(healthy), 0, 60);
        }

        var trd = random.NextNormal(model.TrdMadrsMean.Value, model.TrdMadrsSd.Value);
        return Math.Clamp((int)Math.Round(trd), (int)model.TrdMadrsMinimum.Value, 60);
    }

    /// <summary>Multiplies every region by one subject-wide factor (SUV scale), which the SUVR cancels.</summary>
    private static Dictionary<string, double> ApplySubjectScale(IReadOnlyDictionary<string, double> regional, EffectModel model, GaussianRandom random)
    {
        // Floor keeps the factor positive even for very large configured CVs.
        var scale = Math.Max(0.3, 1 + model.GlobalScaleCv.Value * random.NextStandardNormal());
        return regional.ToDictionary(kv => kv.Key, kv => kv.Value * scale);
    }
}
