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
    double HalfLifeSeconds)
{
    /// <summary>The psychiatrist who referred the patient (0008,0090): the gateway shows the report to them.</summary>
    public string ReferringPhysicianName { get; init; } = PetAcquisitionOptions.DefaultReferringPhysician;
}
