namespace AmpaCds.Imaging.Normative;

/// <summary>One healthy control's regional SUVR (same pipeline, same reference region) and age if known.</summary>
public sealed record NormativeControl(string Id, double? Age, IReadOnlyDictionary<string, double> Suvr);
