namespace AmpaCds.Imaging.Normative;

/// <summary>
/// A versioned normative database of [11C]K-2 SUVR: per-region control statistics and, optionally,
/// per-voxel mean and SD maps in template space (NIfTI files beside the JSON, named relative to it).
/// </summary>
/// <param name="Measure">What the statistics describe; always "suvr" (SUV depends on dose and weight, SUVR does not).</param>
/// <param name="Synthetic">True when built from simulated controls: every result that uses it must say so.</param>
/// <param name="VoxelMeanMap">File name (relative to the JSON) of the control mean SUVR map, or null.</param>
public sealed record NormativeDatabase(
    string Version,
    string Description,
    string Measure,
    string ReferenceRegion,
    string AtlasVersion,
    bool Synthetic,
    bool AgeAdjusted,
    int Controls,
    DateTimeOffset BuiltAt,
    IReadOnlyList<NormativeRegion> Regions,
    string? VoxelMeanMap = null,
    string? VoxelSdMap = null)
{
    public const string SuvrMeasure = "suvr";

    public NormativeRegion? Region(string name) => Regions.FirstOrDefault(region => region.Name == name);

    /// <summary>
    /// Why this database cannot score a result measured with the given reference region and atlas,
    /// or null when it can: z-scores from another reference or atlas would be meaningless.
    /// </summary>
    public string? IncompatibilityWith(string referenceRegion, string atlasVersion)
    {
        if (ReferenceRegion != referenceRegion)
        {
            return $"normative database {Version} holds SUVR against '{ReferenceRegion}', the study used '{referenceRegion}'";
        }
        return AtlasVersion != atlasVersion
            ? $"normative database {Version} was built on atlas '{AtlasVersion}', the study used '{atlasVersion}'"
            : null;
    }
}
