using AmpaCds.Domain.Clinical;
using AmpaCds.Domain.Regions;
using AmpaCds.Research.Synthetic.Effects;

namespace AmpaCds.Research.Synthetic.Cohort;

/// <summary>How much a treated TRD patient improves (MADRS % reduction; positive = better).</summary>
internal static class ImprovementModel
{
    /// <summary>Ketamine: the mean plus the weighted baseline deviations (the learnable signal) plus unexplained noise.</summary>
    public static double Ketamine(EffectModel model, BaselinePattern pattern, GaussianRandom random)
    {
        var signal = RegionIds.All.Sum(region => model.For(region).ResponseWeight.Value * pattern.DeviationFromTrdPattern[region]);
        return model.KetamineMeanImprovementPercent.Value + signal + random.NextNormal(0, model.KetamineImprovementNoiseSd.Value);
    }

    /// <summary>Placebo: a small improvement unrelated to the AMPA receptor pattern.</summary>
    public static double Placebo(EffectModel model, GaussianRandom random) =>
        random.NextNormal(model.PlaceboMeanImprovementPercent.Value, model.PlaceboImprovementNoiseSd.Value);

    public static int FollowUpMadrs(int baselineMadrs, double improvementPercent) =>
        Math.Clamp((int)Math.Round(baselineMadrs * (1 - improvementPercent / 100.0)), 0, 60);

    /// <summary>
    /// Follow-up density: ketamine moves each region by its coupling times the realised improvement; every scan
    /// repeats with test-retest noise. Returns density before the subject-wide scale factor.
    /// </summary>
    public static Dictionary<string, double> FollowUpRegionalDensity(
        EffectModel model, BaselinePattern baseline, TreatmentArm arm, double realisedImprovementFraction, GaussianRandom random)
    {
        var followUp = new Dictionary<string, double>();
        foreach (var region in RegionIds.All)
        {
            var coupling = arm == TreatmentArm.Ketamine ? model.For(region).KetamineChangePerImprovement.Value : 0;
            var retest = 1 + model.FollowUpRetestCv.Value * random.NextStandardNormal();
            followUp[region] = baseline.RegionalDensity[region] * (1 + coupling * realisedImprovementFraction) * retest;
        }

        return followUp;
    }
}
