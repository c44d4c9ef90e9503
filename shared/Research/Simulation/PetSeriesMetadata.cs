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

    /// <summary>Manufacturer's Model Name (0008,1090): a virtual scanner, so no one mistakes the series for a patient scan.</summary>
    public string ScannerModel { get; init; } = "Virtual brain PET";

    /// <summary>Reconstruction Method (0054,1103) as a current PET/CT writes it: ordered subsets with resolution modelling.</summary>
    public string ReconstructionMethod { get; init; } = "OSEM3D+PSF 4i16s";

    /// <summary>Convolution Kernel (0018,1210): the post-reconstruction filter.</summary>
    public string ConvolutionKernel { get; init; } = "Gaussian 3.0 mm";

    /// <summary>Attenuation Correction Method (0054,1101).</summary>
    public string AttenuationCorrectionMethod { get; init; } = "CT-based, segmented";
}
