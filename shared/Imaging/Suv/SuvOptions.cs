namespace AmpaCds.Imaging.Suv;

/// <summary>Options for <see cref="SuvCalculator"/>.</summary>
public sealed record SuvOptions
{
    /// <summary>Carbon-11 half-life (s) used by default as the fallback (20.334 min).</summary>
    public const double Carbon11HalfLifeSeconds = 1220.04;

    /// <summary>
    /// Half-life (s) used only when Radionuclide Half Life (0018,1075) is absent or zero; its use is
    /// flagged in <see cref="SuvFactorResult.HalfLifeFromHeader"/>. Null: no fallback, reject instead.
    /// </summary>
    public double? FallbackHalfLifeSeconds { get; init; } = Carbon11HalfLifeSeconds;

    /// <summary>
    /// Longest plausible injection-to-scan interval. A longer interval (including one produced by
    /// assuming a midnight crossing for a time-only start time) is rejected as contradictory.
    /// </summary>
    public TimeSpan MaxInjectionToScan { get; init; } = TimeSpan.FromHours(12);

    /// <summary>
    /// Largest tolerated disagreement between Radiopharmaceutical Start DateTime (0018,1078) and
    /// Radiopharmaceutical Start Time (0018,1072) when both are given.
    /// </summary>
    public TimeSpan StartTimeConsistencyTolerance { get; init; } = TimeSpan.FromSeconds(1);

    /// <summary>Default options (C-11 fallback half-life).</summary>
    public static SuvOptions Default { get; } = new();
}
