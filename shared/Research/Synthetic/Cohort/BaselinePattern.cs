using AmpaCds.Domain.Clinical;
using AmpaCds.Domain.Regions;
using AmpaCds.Research.Synthetic.Effects;

namespace AmpaCds.Research.Synthetic.Cohort;

/// <summary>
/// A subject's true regional density before the subject-wide scale factor, and its deviation from the
/// average TRD pattern in SD units (what the response mechanism reads).
/// </summary>
internal sealed record BaselinePattern(
    IReadOnlyDictionary<string, double> RegionalDensity,
    IReadOnlyDictionary<string, double> DeviationFromTrdPattern)
{
    /// <summary>Mean density of the group at a given severity; TRD effects scale the healthy mean.</summary>
    public static double ExpectedDensity(RegionEffect effect, SubjectGroup group, double madrs, double referenceMadrs)
    {
        var healthy = effect.HealthyMeanSuv.Value;
        if (group == SubjectGroup.Healthy)
        {
            return healthy;
        }

        var relative = effect.TrdShift.Value + effect.SeveritySlopePerMadrsPoint.Value * (madrs - referenceMadrs);
        return healthy * (1 + relative);
    }

    /// <summary>Draws one subject's pattern; consumes exactly one normal draw per region, in <see cref="RegionIds.All"/> order.</summary>
    public static BaselinePattern Draw(EffectModel model, SubjectGroup group, int madrs, GaussianRandom random)
    {
        var reference = model.SeverityReferenceMadrs.Value;
        var density = new Dictionary<string, double>();
        var deviation = new Dictionary<string, double>();
        foreach (var region in RegionIds.All)
        {
            var effect = model.For(region);
            var sd = effect.BetweenSubjectSd.Value;
            var expected = ExpectedDensity(effect, group, madrs, reference);
            // A density cannot be negative; the floor is far outside the simulated spread and only guards extreme configs.
            var value = Math.Max(0.05 * effect.HealthyMeanSuv.Value, expected + sd * random.NextStandardNormal());
            var averageTrd = ExpectedDensity(effect, SubjectGroup.Trd, reference, reference);
            density[region] = value;
            deviation[region] = (value - averageTrd) / sd;
        }

        return new BaselinePattern(density, deviation);
    }
}
