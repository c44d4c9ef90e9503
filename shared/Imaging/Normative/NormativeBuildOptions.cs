namespace AmpaCds.Imaging.Normative;

public sealed record NormativeBuildOptions
{
    public required string Version { get; init; }

    public string Description { get; init; } = "";

    public required string ReferenceRegion { get; init; }

    public required string AtlasVersion { get; init; }

    public bool Synthetic { get; init; }

    /// <summary>Fit SUVR linearly on age per region; needs every control's age.</summary>
    public bool AgeAdjust { get; init; }

    /// <summary>
    /// Below this many controls a region's own SD is too uncertain (its relative standard error is about
    /// 1/√(2(n−1))), so the SD comes from the relative variance pooled over all regions instead.
    /// </summary>
    public int MinimumControlsForRegionalSd { get; init; } = 20;

    /// <summary>Given by the caller's clock (a TimeProvider), so a build is reproducible in tests.</summary>
    public required DateTimeOffset BuiltAt { get; init; }
}
