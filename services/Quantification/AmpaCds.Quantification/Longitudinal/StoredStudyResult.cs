namespace AmpaCds.Quantification.Longitudinal;

/// <summary>What Quantification keeps of a study to compare a later one against (no identifiers, only the patient key).</summary>
/// <param name="SuvrMapKey">Blob key of the template-space SUVR map, for the change map.</param>
/// <param name="PartialVolumeMethod">"none", "gtm" or "rbv"; null (rows stored before the column existed) means none.</param>
/// <param name="PartialVolumeFwhmMm">The resolution that correction assumed; null without correction.</param>
public sealed record StoredStudyResult(
    string StudyInstanceUid,
    string SeriesInstanceUid,
    DateOnly? StudyDate,
    DateTimeOffset MeasuredAt,
    string ReferenceRegion,
    string AtlasVersion,
    IReadOnlyList<StoredRegion> Regions,
    string? SuvrMapKey,
    string? PartialVolumeMethod = null,
    double? PartialVolumeFwhmMm = null);
