namespace AmpaCds.Contracts.Messages;

/// <summary>
/// How the measured PET series was acquired and reconstructed, from its headers, so the report's quality panel can
/// show the scanner and reconstruction behind the numbers. Equipment and protocol only: no patient identifiers.
/// Every field is optional because scanners omit some of these attributes.
/// </summary>
/// <param name="Manufacturer">(0008,0070).</param>
/// <param name="ManufacturerModelName">(0008,1090).</param>
/// <param name="ReconstructionMethod">(0054,1103), e.g. "OSEM3D 4i16s".</param>
/// <param name="ConvolutionKernel">(0018,1210), the post-reconstruction filter.</param>
/// <param name="AttenuationCorrectionMethod">(0054,1101).</param>
/// <param name="DecayCorrection">(0054,1102): START, ADMIN or NONE.</param>
/// <param name="Radiopharmaceutical">(0018,0031), or the code meaning of the Radiopharmaceutical Code Sequence (0054,0304).</param>
/// <param name="InjectedActivityMBq">Radionuclide Total Dose (0018,1074), which DICOM gives in Bq.</param>
/// <param name="MinutesFromInjectionToAcquisition">From the radiopharmaceutical start to the earliest acquisition time of the series.</param>
/// <param name="SliceThicknessMm">(0018,0050).</param>
/// <param name="PixelSpacingRowMm">(0028,0030) first value: between rows.</param>
/// <param name="PixelSpacingColumnMm">(0028,0030) second value: between columns.</param>
/// <param name="Frames">Image frames in the series: slices of single-frame PET, or the sum of Number of Frames of Enhanced PET.</param>
public sealed record PetAcquisition(
    string? Manufacturer,
    string? ManufacturerModelName,
    string? ReconstructionMethod,
    string? ConvolutionKernel,
    string? AttenuationCorrectionMethod,
    string? DecayCorrection,
    string? Radiopharmaceutical,
    double? InjectedActivityMBq,
    double? MinutesFromInjectionToAcquisition,
    double? SliceThicknessMm,
    double? PixelSpacingRowMm,
    double? PixelSpacingColumnMm,
    int Frames);
