using AmpaCds.Domain.Clinical;

namespace AmpaCds.Research.Simulation;

/// <summary>
/// What the simulator knows and the pipeline must find, written beside the series as truth.json.
/// </summary>
/// <param name="TrueSuv">Regional density painted on the atlas (SUV, g/mL) before blur and noise.</param>
/// <param name="TrueSuvr">True SUV over the voxel-weighted whole-brain mean of the painted image.</param>
/// <param name="ExpectedMeasuredSuvr">
/// SUVR a perfect pipeline would measure: the noise-free, PSF-blurred image sampled through the true
/// head position. Differs from <paramref name="TrueSuvr"/> by partial-volume effects, so it is the
/// fair yardstick for registration and noise errors.
/// </param>
/// <param name="ExpectedMeasuredSuv">Regional SUV a perfect pipeline would measure (same conditions as the SUVR).</param>
/// <param name="SuvBodyWeightFactor">Multiplies rescaled stored values (Bq/mL) to give SUVbw.</param>
public sealed record SimulationTruth(
    int Seed,
    string StudyInstanceUid,
    string SeriesInstanceUid,
    string PatientId,
    SubjectTruth Subject,
    IReadOnlyDictionary<string, double> TrueSuv,
    IReadOnlyDictionary<string, double> TrueSuvr,
    IReadOnlyDictionary<string, double> ExpectedMeasuredSuvr,
    IReadOnlyDictionary<string, double> ExpectedMeasuredSuv,
    double SuvBodyWeightFactor,
    double InjectedActivityBq,
    double PatientWeightKg,
    HeadPosition HeadPosition,
    double[] TemplateToScanner,
    string AtlasVersion,
    double PsfFwhmMm,
    double NoiseFraction);

public sealed record SubjectTruth(
    string Group,
    int Age,
    string Sex,
    int BaselineMadrs,
    string Arm,
    int? FollowUpMadrs,
    double? MadrsChangePercent,
    bool? Responder);
