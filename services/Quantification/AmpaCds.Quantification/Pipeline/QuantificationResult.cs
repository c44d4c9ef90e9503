using AmpaCds.Contracts.Messages;
using AmpaCds.Imaging.Suv;

namespace AmpaCds.Quantification.Pipeline;

public sealed record QuantificationResult(
    IReadOnlyList<RegionalUptake> Regions,
    string ReferenceRegion,
    double ReferenceSuvMean,
    RegistrationQuality Registration,
    string AtlasVersion,
    SuvFactorResult Suv,
    TimeSpan Elapsed);
