namespace AmpaCds.Reporting.Localization.Catalogs;

/// <summary>Display names of the built-in atlas regions.</summary>
internal static class RegionCatalog
{
    public static string KeyFor(string regionName) => "region." + regionName;

    public static IReadOnlyList<TextEntry> Entries { get; } =
    [
        new(KeyFor("frontal_cortex"), "Frontal cortex", "前頭皮質"),
        new(KeyFor("parietal_cortex"), "Parietal cortex", "頭頂皮質"),
        new(KeyFor("temporal_cortex"), "Temporal cortex", "側頭皮質"),
        new(KeyFor("occipital_cortex"), "Occipital cortex", "後頭皮質"),
        new(KeyFor("anterior_cingulate"), "Anterior cingulate", "前部帯状回"),
        new(KeyFor("posterior_cingulate"), "Posterior cingulate", "後部帯状回"),
        new(KeyFor("anterior_insula"), "Anterior insula", "前部島皮質"),
        new(KeyFor("posterior_insula"), "Posterior insula", "後部島皮質"),
        new(KeyFor("caudate"), "Caudate", "尾状核"),
        new(KeyFor("putamen"), "Putamen", "被殻"),
        new(KeyFor("globus_pallidus"), "Globus pallidus", "淡蒼球"),
        new(KeyFor("thalamus"), "Thalamus", "視床"),
        new(KeyFor("lateral_habenula"), "Lateral habenula", "外側手綱核"),
        new(KeyFor("hippocampus"), "Hippocampus", "海馬"),
        new(KeyFor("amygdala"), "Amygdala", "扁桃体"),
        new(KeyFor("cerebellum"), "Cerebellum", "小脳"),
        new(KeyFor("brainstem"), "Brainstem", "脳幹"),
        new(KeyFor("white_matter"), "White matter", "白質"),
        new(KeyFor("whole_brain"), "Whole brain", "全脳"),
    ];
}
