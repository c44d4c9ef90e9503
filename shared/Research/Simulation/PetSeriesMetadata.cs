namespace AmpaCds.Research.Simulation;

/// <summary>Identity and acquisition facts written into every slice of a simulated series.</summary>
public sealed record PetSeriesMetadata(
    string PatientName,
    string PatientId,
    string PatientSex,
    int PatientAge,
    double PatientWeightKg,
    string StudyInstanceUid,
    string SeriesInstanceUid,
    string FrameOfReferenceUid,
    DateTime InjectionTime,
    DateTime ScanStart,
    double FrameDurationMs,
    double InjectedActivityBq,
    double HalfLifeSeconds);
