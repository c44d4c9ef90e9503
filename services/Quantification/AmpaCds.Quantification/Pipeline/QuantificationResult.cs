using AmpaCds.Contracts.Messages;
using AmpaCds.Imaging.Registration;
using AmpaCds.Imaging.Suv;

namespace AmpaCds.Quantification.Pipeline;

/// <param name="Normative">The database the regional z-scores come from; null when no database is active.</param>
/// <param name="PartialVolume">The partial-volume correction the regional values went through.</param>
public sealed record QuantificationResult(
    IReadOnlyList<RegionalUptake> Regions,
    string ReferenceRegion,
    double ReferenceSuvMean,
    RegistrationQuality Registration,
    string AtlasVersion,
    SuvFactorResult Suv,
    TimeSpan Elapsed,
    NormativeDatabaseReference? Normative,
    TemplateSpaceMaps Maps,
    PartialVolumeCorrection PartialVolume);
