namespace AmpaCds.Reporting.Studies.Stored;

/// <summary>
/// Reporting's own record of a run's regional uptake, as stored in the Studies table. Deliberately not
/// <c>RegionalUptakeMeasured</c>: a field added to the message must not silently change what is on disk.
/// Holds only what the report shows.
/// </summary>
public sealed record StoredUptake(
    IReadOnlyList<StoredRegion> Regions,
    string ReferenceRegion,
    double ReferenceSuvMean,
    StoredRegistration Registration,
    string AtlasVersion,
    StoredNormativeDatabase? NormativeDatabase,
    StoredLongitudinalChange? Longitudinal);
