namespace AmpaCds.Research.Analytics.Statistics;

/// <summary>Paired t test of after − before; <paramref name="Dz"/> is the mean change over the SD of the changes.</summary>
public sealed record PairedResult(int Count, double MeanBefore, double MeanAfter, double MeanChange, double T, double Df, double P, EffectSize Dz);
