using AmpaCds.Domain.Regions;

namespace AmpaCds.Research.Synthetic.Effects;

/// <summary>
/// The default effect model, one line per region. Columns: healthy mean SUV, TRD shift, severity slope per
/// MADRS point, ketamine change per unit improvement, response weight (points of MADRS % reduction per SD).
/// </summary>
public static class EffectModelDefaults
{
    private const double RegionCv = 0.09;
    private const string PreservedDensity = "preserved density where severity lowers it is assumed to favour response";
    private const string RoomToFall = "high density where improvement comes with a decrease is assumed to favour response";

    public static EffectModel Create() => new()
    {
        Regions = new Dictionary<string, RegionEffect>
        {
            [RegionIds.FrontalCortex] = Region(RegionIds.FrontalCortex, 1.85, +0.04, -0.006, 0, +7, PreservedDensity),
            [RegionIds.ParietalCortex] = Region(RegionIds.ParietalCortex, 1.80, +0.05, -0.006, +0.08, +7, PreservedDensity),
            [RegionIds.TemporalCortex] = Region(RegionIds.TemporalCortex, 1.90, +0.05, -0.003, 0, 0),
            [RegionIds.OccipitalCortex] = Region(RegionIds.OccipitalCortex, 1.75, +0.04, -0.006, +0.07, +5, PreservedDensity),
            [RegionIds.AnteriorCingulate] = Region(RegionIds.AnteriorCingulate, 1.95, +0.04, 0, +0.06, +6, "cingulate density change accompanies improvement"),
            [RegionIds.PosteriorCingulate] = Region(RegionIds.PosteriorCingulate, 1.90, +0.04, 0, +0.06, 0),
            [RegionIds.AnteriorInsula] = Region(RegionIds.AnteriorInsula, 1.90, +0.03, 0, 0, 0),
            [RegionIds.PosteriorInsula] = Region(RegionIds.PosteriorInsula, 1.80, -0.05, 0, 0, 0),
            [RegionIds.Caudate] = Region(RegionIds.Caudate, 1.70, -0.04, 0, 0, 0),
            [RegionIds.Putamen] = Region(RegionIds.Putamen, 1.80, -0.04, 0, 0, 0),
            [RegionIds.GlobusPallidus] = Region(RegionIds.GlobusPallidus, 1.30, -0.04, 0, -0.08, -7, RoomToFall),
            [RegionIds.Thalamus] = Region(RegionIds.Thalamus, 1.50, 0, 0, 0, 0),
            [RegionIds.LateralHabenula] = Region(RegionIds.LateralHabenula, 1.40, 0, 0, -0.10, -10, RoomToFall),
            [RegionIds.Hippocampus] = Region(RegionIds.Hippocampus, 1.85, 0, 0, 0, 0),
            [RegionIds.Amygdala] = Region(RegionIds.Amygdala, 1.75, 0, 0, 0, 0),
            [RegionIds.Cerebellum] = Region(RegionIds.Cerebellum, 1.60, -0.05, -0.005, 0, 0),
            [RegionIds.Brainstem] = Region(RegionIds.Brainstem, 1.10, 0, 0, 0, 0),
            [RegionIds.WhiteMatter] = Region(RegionIds.WhiteMatter, 0.90, 0, 0, 0, 0),
        },
        GlobalScaleCv = new(0.10, "Assumed; subject-wide SUV scale (weight, dose calibration) that the SUVR removes."),
        AgeMean = new(45, "Assumed adult TRD trial population."),
        AgeSd = new(11, "Assumed."),
        HealthyMadrsMean = new(2, "Assumed: healthy controls score near zero."),
        HealthyMadrsSd = new(2, "Assumed."),
        TrdMadrsMean = new(31, "Assumed typical TRD trial baseline (moderate to severe)."),
        TrdMadrsSd = new(6, "Assumed."),
        TrdMadrsMinimum = new(20, "Assumed trial inclusion threshold."),
        SeverityReferenceMadrs = new(31, "Centre of the severity slopes: the assumed mean TRD baseline."),
        KetamineMeanImprovementPercent = new(27, "Ohtani et al. 2024: MADRS change -8.1 +/- 10.0 with ketamine, about 27% of a baseline near 30."),
        KetamineImprovementNoiseSd = new(24, "Assumed so that total SD is near Ohtani et al.'s +/-10 points (about 33%) with the baseline signal added."),
        PlaceboMeanImprovementPercent = new(8, "Ohtani et al. 2024: MADRS change -2.5 +/- 5.2 with placebo, about 8% of a baseline near 30."),
        PlaceboImprovementNoiseSd = new(17, "Ohtani et al. 2024: SD 5.2 points, about 17% of a baseline near 30."),
        FollowUpRetestCv = new(0.03, "Assumed test-retest variation of regional PET values."),
    };

    private static RegionEffect Region(
        string region, double healthyMeanSuv, double trdShift, double severitySlope, double ketamineChange, double responseWeight, string responseWhy = "")
        => new()
        {
            HealthyMeanSuv = new(healthyMeanSuv, EffectBasis.HealthyMean(region)),
            BetweenSubjectSd = new(Math.Round(healthyMeanSuv * RegionCv, 3), EffectBasis.BetweenSubjectSd()),
            TrdShift = new(trdShift, EffectBasis.TrdShift(trdShift)),
            SeveritySlopePerMadrsPoint = new(severitySlope, EffectBasis.SeveritySlope(severitySlope)),
            KetamineChangePerImprovement = new(ketamineChange, EffectBasis.KetamineChange(ketamineChange)),
            ResponseWeight = new(responseWeight, EffectBasis.ResponseWeight(responseWeight, responseWhy)),
        };
}
