namespace AmpaCds.Reporting.Studies.Stored;

/// <summary>Scanner, reconstruction and injection details of the measured series, for the quality panel. No patient identifiers.</summary>
public sealed record StoredAcquisition(
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
