namespace AmpaCds.Contracts.Messages;

/// <summary>Quantification measured regional uptake in template space for one series.</summary>
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
    DateTimeOffset MeasuredAt);

/// <param name="Coverage">Share of the region's template voxels that fell inside the PET field of view.</param>
public sealed record RegionalUptake(string Name, double SuvMean, double Suvr, int Voxels, double Coverage);

/// <param name="Similarity">Normalised cross-correlation between the registered PET and the template over the brain mask.</param>
public sealed record RegistrationQuality(double Similarity, bool Passed, string Detail);
