namespace AmpaCds.Imaging.Normative;

/// <summary>
/// Healthy-control statistics of one region's SUVR. The expected value at a given age is
/// <see cref="Mean"/> + <see cref="AgeSlopePerYear"/> · (age − <see cref="ReferenceAge"/>); without age
/// adjustment the slope is 0.
/// </summary>
/// <param name="Sd">The SD used for z-scores: the region's own (residual) SD, or the pooled one when controls are few.</param>
/// <param name="OwnSd">The region's own (residual) SD, kept for transparency even when the pooled SD is used.</param>
/// <param name="PooledSd">True when <see cref="Sd"/> comes from the variance pooled over regions.</param>
public sealed record NormativeRegion(
    string Name,
    double Mean,
    double Sd,
    int N,
    double AgeSlopePerYear,
    double ReferenceAge,
    double OwnSd,
    bool PooledSd)
{
    public double ExpectedAt(double? age) =>
        age is { } years && AgeSlopePerYear != 0 ? Mean + AgeSlopePerYear * (years - ReferenceAge) : Mean;

    /// <summary>(value − expected) / SD; NaN when the value is not finite or the SD is not positive.</summary>
    public double ZScore(double value, double? age) =>
        double.IsFinite(value) && Sd > 0 ? (value - ExpectedAt(age)) / Sd : double.NaN;
}
