namespace AmpaCds.Reporting.Studies.Stored;

/// <summary>
/// Reporting's own record of a run's regional uptake, as stored in the Studies table. Deliberately not
/// <c>RegionalUptakeMeasured</c>: a field added to the message must not silently change what is on disk.
/// Holds only what the report shows. Fields added later are optional and trailing, so rows written before them still read.
/// </summary>
/// <param name="Maps">Which maps exist for the measured series (null: none written, or a row from before maps were recorded).</param>
/// <param name="PartialVolume">The partial-volume correction applied (null: a row from before it was recorded, i.e. none).</param>
/// <param name="Acquisition">Scanner and reconstruction details (null: not sent, or a row from before they were recorded).</param>
/// <param name="LongitudinalNotCompared">Why the baseline found was not compared (another partial-volume correction); null otherwise.</param>
public sealed record StoredUptake(
    IReadOnlyList<StoredRegion> Regions,
    string ReferenceRegion,
    double ReferenceSuvMean,
    StoredRegistration Registration,
    string AtlasVersion,
    StoredNormativeDatabase? NormativeDatabase,
    StoredLongitudinalChange? Longitudinal,
    StoredMaps? Maps = null,
    StoredAcquisition? Acquisition = null,
    StoredPartialVolume? PartialVolume = null,
    string? LongitudinalNotCompared = null);
