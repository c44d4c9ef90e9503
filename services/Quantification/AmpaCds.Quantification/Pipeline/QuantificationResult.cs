using AmpaCds.Contracts.Messages;
using AmpaCds.Imaging.Registration;
using AmpaCds.Imaging.Suv;

namespace AmpaCds.Quantification.Pipeline;

/// <param name="Normative">The database the regional z-scores come from; null when no database is active.</param>
public sealed record QuantificationResult(
    IReadOnlyList<RegionalUptake> Regions,
    string ReferenceRegion,
    double ReferenceSuvMean,
    RegistrationQuality Registration,
    string AtlasVersion,
    SuvFactorResult Suv,
    TimeSpan Elapsed,
    NormativeDatabaseReference? Normative,
    TemplateSpaceMaps Maps);
