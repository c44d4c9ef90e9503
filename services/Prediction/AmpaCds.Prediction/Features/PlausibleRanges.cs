namespace AmpaCds.Prediction.Features;

/// <summary>
/// Bounds outside which an input is treated as an error rather than scored. The SUVR bounds are assumed:
/// a whole-brain-referenced [11C]K-2 SUVR far outside 0.2-5 means a failed quantification, not a patient.
/// </summary>
public sealed record PlausibleRanges
{
    public double MinimumSuvr { get; init; } = 0.2;
    public double MaximumSuvr { get; init; } = 5.0;
    public double MinimumAge { get; init; } = 18;
    public double MaximumAge { get; init; } = 100;
    public double MinimumMadrs { get; init; }
    public double MaximumMadrs { get; init; } = 60;

    public static PlausibleRanges Default { get; } = new();
}
