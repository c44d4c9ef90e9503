namespace AmpaCds.Domain.Regions;

/// <summary>
/// Region identifiers shared with the brain atlas and the quantification output.
/// The order of <see cref="All"/> is fixed: it is the CSV column order and the feature order of the response model.
/// </summary>
public static class RegionIds
{
    public const string FrontalCortex = "frontal_cortex";
    public const string ParietalCortex = "parietal_cortex";
    public const string TemporalCortex = "temporal_cortex";
    public const string OccipitalCortex = "occipital_cortex";
    public const string AnteriorCingulate = "anterior_cingulate";
    public const string PosteriorCingulate = "posterior_cingulate";
    public const string AnteriorInsula = "anterior_insula";
    public const string PosteriorInsula = "posterior_insula";
    public const string Caudate = "caudate";
    public const string Putamen = "putamen";
    public const string GlobusPallidus = "globus_pallidus";
    public const string Thalamus = "thalamus";
    public const string LateralHabenula = "lateral_habenula";
    public const string Hippocampus = "hippocampus";
    public const string Amygdala = "amygdala";
    public const string Cerebellum = "cerebellum";
    public const string Brainstem = "brainstem";
    public const string WhiteMatter = "white_matter";

    public static IReadOnlyList<string> All { get; } =
    [
        FrontalCortex, ParietalCortex, TemporalCortex, OccipitalCortex,
        AnteriorCingulate, PosteriorCingulate, AnteriorInsula, PosteriorInsula,
        Caudate, Putamen, GlobusPallidus, Thalamus, LateralHabenula,
        Hippocampus, Amygdala, Cerebellum, Brainstem, WhiteMatter,
    ];
}
