namespace AmpaCds.Research.Synthetic.Effects;

/// <summary>
/// The wording of each parameter's basis. The direction of every regional effect is derived from the
/// SCIENCE.md findings table row it implements; a zero effect says that nothing was reported.
/// </summary>
internal static class EffectBasis
{
    private const string MagnitudeAssumed = "magnitude assumed (no effect sizes published)";

    public static string HealthyMean(string region) =>
        $"Assumed plausible [11C]K-2 SUV for {region} (grey matter above deep nuclei above white matter); no normative regional values are published.";

    public static string BetweenSubjectSd() =>
        "Assumed CV about 9% of the healthy mean, typical of regional PET between-subject variation.";

    public static string TrdShift(double value) => Math.Sign(value) switch
    {
        > 0 => $"SCIENCE.md 'TRD vs healthy controls: wide cortical areas higher in TRD'; {MagnitudeAssumed}.",
        < 0 => $"SCIENCE.md 'TRD vs healthy controls: posterior insula, basal ganglia, cerebellum lower in TRD'; {MagnitudeAssumed}.",
        _ => "No TRD vs healthy difference reported for this region; assumed none.",
    };

    public static string SeveritySlope(double value) => value < 0
        ? $"SCIENCE.md 'severity at baseline (TRD): frontal, parietal, occipital cortex, cerebellum and other wide cortical areas: higher MADRS, lower density'; {MagnitudeAssumed}."
        : "No relation to severity reported for this region; assumed none.";

    public static string KetamineChange(double value) => Math.Sign(value) switch
    {
        > 0 => $"SCIENCE.md 'change after ketamine vs improvement: parietal, occipital cortex, cingulate: increase goes with improvement'; {MagnitudeAssumed}.",
        < 0 => $"SCIENCE.md 'change after ketamine vs improvement: lateral habenula, globus pallidus: decrease goes with improvement'; {MagnitudeAssumed}.",
        _ => "No change coupled with improvement reported for this region; assumed none.",
    };

    public static string ResponseWeight(double value, string why) => value == 0
        ? "Assumed not predictive of response."
        : $"SCIENCE.md 'prediction: the pre-treatment distribution correlates with improvement, positively in some regions and negatively in others'; region, sign and magnitude assumed ({why}).";
}
