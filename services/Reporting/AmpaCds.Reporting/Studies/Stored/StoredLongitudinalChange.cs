namespace AmpaCds.Reporting.Studies.Stored;

/// <summary>Change against the baseline study. The patient key is not kept: the report does not show it.</summary>
public sealed record StoredLongitudinalChange(
    string BaselineStudyInstanceUid,
    IReadOnlyList<StoredRegionChange> Regions,
    double AbnormalZThreshold,
    int BaselineAbnormalRegions,
    int RegionsMovedTowardNormal,
    double? NormalisationIndex);
