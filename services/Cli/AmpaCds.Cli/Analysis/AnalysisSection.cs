namespace AmpaCds.Cli.Analysis;

/// <summary>
/// One table of a cohort analysis as the outputs need it: file stem, title key, the rows (null when the analysis was
/// skipped) and, per region, the effect plotted with its interval and the q that marks it significant.
/// </summary>
public sealed record AnalysisSection(
    string Name, string TitleKey, string EffectKey, IReadOnlyList<object>? Rows, IReadOnlyList<RegionEffect> Effects);
