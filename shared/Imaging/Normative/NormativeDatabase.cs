using AmpaCds.Domain.Studies;

namespace AmpaCds.Imaging.Normative;

/// <summary>
/// A versioned normative database of [11C]K-2 SUVR: per-region control statistics and, optionally,
/// per-voxel mean and SD maps in template space (NIfTI files beside the JSON, named relative to it).
/// </summary>
/// <param name="Measure">What the statistics describe; always "suvr" (SUV depends on dose and weight, SUVR does not).</param>
/// <param name="Synthetic">True when built from simulated controls: every result that uses it must say so.</param>
/// <param name="PartialVolumeCorrection">"none", "gtm" or "rbv": the correction the controls were measured with (null, in files written before it existed: none).</param>
/// <param name="PartialVolumeFwhmMm">The scanner resolution that correction assumed; null without correction.</param>
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
    string? VoxelSdMap = null,
    string? PartialVolumeCorrection = null,
    double? PartialVolumeFwhmMm = null)
{
    public const string SuvrMeasure = "suvr";

    public NormativeRegion? Region(string name) => Regions.FirstOrDefault(region => region.Name == name);

    /// <summary>
    /// Why this database cannot score a result measured with the given reference region, atlas and partial-volume
    /// correction, or null when it can: z-scores from another reference, atlas or correction would be meaningless
    /// (a corrected SUVR is systematically further from 1 than an uncorrected one).
    /// </summary>
    public string? IncompatibilityWith(string referenceRegion, string atlasVersion, string? partialVolumeMethod = null, double? partialVolumeFwhmMm = null)
    {
        if (ReferenceRegion != referenceRegion)
        {
            return $"normative database {Version} holds SUVR against '{ReferenceRegion}', the study used '{referenceRegion}'";
        }
        if (AtlasVersion != atlasVersion)
        {
            return $"normative database {Version} was built on atlas '{AtlasVersion}', the study used '{atlasVersion}'";
        }
        return PartialVolumeMismatch.Describe($"normative database {Version}", PartialVolumeCorrection, PartialVolumeFwhmMm, partialVolumeMethod, partialVolumeFwhmMm);
    }
}
