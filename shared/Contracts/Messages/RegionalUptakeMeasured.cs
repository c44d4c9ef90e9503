namespace AmpaCds.Contracts.Messages;

/// <summary>Quantification measured regional uptake in template space for one series.</summary>
/// <param name="NormativeDatabase">The normative database the z-scores come from (null: none were computed).</param>
/// <param name="Maps">Blob keys of the parametric NIfTI maps in template space (null: none were written).</param>
/// <param name="Longitudinal">Change against the same patient's baseline study (null: this is the first study).</param>
/// <param name="Acquisition">Scanner, reconstruction and injection details from the series' headers (null: from a sender that predates them).</param>
/// <param name="PartialVolume">The partial-volume correction the regional values went through (null: a sender that predates it, i.e. none).</param>
/// <param name="LongitudinalNotCompared">Why the patient's baseline study was found but not compared (it was measured with another
/// partial-volume correction); <paramref name="Longitudinal"/> is then null and no change map is written.</param>
public sealed record RegionalUptakeMeasured(
    Guid CorrelationId,
    string StudyInstanceUid,
    string SeriesInstanceUid,
    IReadOnlyList<RegionalUptake> Regions,
    string ReferenceRegion,
    double ReferenceSuvMean,
    RegistrationQuality Registration,
    string AtlasVersion,
    double SuvBodyWeightFactor,
    DateTimeOffset MeasuredAt,
    NormativeDatabaseReference? NormativeDatabase = null,
    ParametricMapKeys? Maps = null,
    LongitudinalChange? Longitudinal = null,
    PetAcquisition? Acquisition = null,
    PartialVolumeCorrection? PartialVolume = null,
    string? LongitudinalNotCompared = null)
{
    /// <summary>Input hash of the series version that was measured, carried on so each report version names its input.</summary>
    public string InputHash { get; init; } = "";
}

/// <param name="Coverage">Share of the region's template voxels that fell inside the PET field of view.</param>
/// <param name="ZScore">(SUVR − control mean) / control SD from the normative database; null when none applies.</param>
public sealed record RegionalUptake(string Name, double SuvMean, double Suvr, int Voxels, double Coverage, double? ZScore = null);

/// <param name="Similarity">Normalised cross-correlation between the registered PET and the template over the brain mask.</param>
/// <param name="MinimumSimilarity">The pass threshold the similarity was held against.</param>
/// <param name="Overlap">Share of the template brain mask inside the PET field of view.</param>
/// <param name="ScaleX">Scale factors of the template-to-PET transform (QR diagonal): far from 1 means a suspicious fit.</param>
public sealed record RegistrationQuality(
    double Similarity,
    bool Passed,
    string Detail,
    double? MinimumSimilarity = null,
    double? Overlap = null,
    double? ScaleX = null,
    double? ScaleY = null,
    double? ScaleZ = null,
    int? Iterations = null);

/// <param name="Synthetic">Built from simulated controls: the report must say the z-scores are not clinical.</param>
/// <param name="ZScoreIncompatibility">Why no z-scores were computed although a database is active (for example another reference region).</param>
public sealed record NormativeDatabaseReference(string Version, bool Synthetic, int Controls, bool AgeAdjusted, string? ZScoreIncompatibility = null);

/// <param name="SuvMap">NIfTI-1 (.nii.gz) SUV map in template space.</param>
/// <param name="ZMap">Voxel-wise z map; null when the database has no voxel statistics.</param>
/// <param name="ChangeMap">Follow-up minus baseline SUVR; null without a baseline.</param>
public sealed record ParametricMapKeys(string SuvMap, string SuvrMap, string? ZMap = null, string? ChangeMap = null);

/// <param name="PatientKey">Keyed hash of the patient identifier: links studies without carrying the identifier.</param>
/// <param name="NormalisationIndex">Share of baseline-abnormal regions (|z| above <paramref name="AbnormalZThreshold"/>) that moved toward the control mean; null when none were abnormal or no z-scores exist.</param>
public sealed record LongitudinalChange(
    string PatientKey,
    string BaselineStudyInstanceUid,
    IReadOnlyList<RegionalChange> Regions,
    double AbnormalZThreshold,
    int BaselineAbnormalRegions,
    int RegionsMovedTowardNormal,
    double? NormalisationIndex);

/// <param name="SuvrChange">Follow-up minus baseline SUVR.</param>
/// <param name="SuvrChangePercent">100 · change / baseline SUVR.</param>
public sealed record RegionalChange(string Name, double BaselineSuvr, double FollowUpSuvr, double SuvrChange, double SuvrChangePercent,
    double? BaselineZScore = null, double? FollowUpZScore = null);
