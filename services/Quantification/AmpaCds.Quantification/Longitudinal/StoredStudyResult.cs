namespace AmpaCds.Quantification.Longitudinal;

/// <summary>What Quantification keeps of a study to compare a later one against (no identifiers, only the patient key).</summary>
/// <param name="SuvrMapKey">Blob key of the template-space SUVR map, for the change map.</param>
public sealed record StoredStudyResult(
    string StudyInstanceUid,
    string SeriesInstanceUid,
    DateOnly? StudyDate,
    DateTimeOffset MeasuredAt,
    string ReferenceRegion,
    string AtlasVersion,
    IReadOnlyList<StoredRegion> Regions,
    string? SuvrMapKey);
