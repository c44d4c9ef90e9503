namespace AmpaCds.Reporting.PacsExport;

/// <summary>
/// The codes of the exported objects. Standard DCM, SCT and UCUM codes where one fits; the private but documented
/// scheme <see cref="PrivateScheme"/> (declared in each object's Coding Scheme Identification Sequence and listed in
/// services/Reporting/README.md) only where no standard code means the same thing.
/// </summary>
public static class ReportCodes
{
    public const string PrivateScheme = "99AMPACDS";

    // TID 1500 structure (DCM).
    public static readonly CodedConcept ImagingMeasurementReport = new("126000", "DCM", "Imaging Measurement Report");
    public static readonly CodedConcept LanguageOfContent = new("121049", "DCM", "Language of Content Item and Descendants");
    public static readonly CodedConcept English = new("en", "RFC5646", "English");
    public static readonly CodedConcept ProcedureReported = new("121058", "DCM", "Procedure reported");
    public static readonly CodedConcept ObserverType = new("121005", "DCM", "Observer Type");
    public static readonly CodedConcept Device = new("121007", "DCM", "Device");
    public static readonly CodedConcept DeviceObserverUid = new("121012", "DCM", "Device Observer UID");
    public static readonly CodedConcept DeviceObserverName = new("121013", "DCM", "Device Observer Name");
    public static readonly CodedConcept DeviceObserverManufacturer = new("121014", "DCM", "Device Observer Manufacturer");
    public static readonly CodedConcept DeviceObserverModelName = new("121015", "DCM", "Device Observer Model Name");
    public static readonly CodedConcept ImageLibrary = new("111028", "DCM", "Image Library");
    public static readonly CodedConcept ImageLibraryGroup = new("126200", "DCM", "Image Library Group");
    public static readonly CodedConcept ImagingMeasurements = new("126010", "DCM", "Imaging Measurements");
    public static readonly CodedConcept MeasurementGroup = new("125007", "DCM", "Measurement Group");
    public static readonly CodedConcept TrackingIdentifier = new("112039", "DCM", "Tracking Identifier");
    public static readonly CodedConcept TrackingUniqueIdentifier = new("112040", "DCM", "Tracking Unique Identifier");
    public static readonly CodedConcept FindingSite = new("363698007", "SCT", "Finding Site");
    public static readonly CodedConcept Derivation = new("121401", "DCM", "Derivation");
    public static readonly CodedConcept Mean = new("373098007", "SCT", "Mean");
    public static readonly CodedConcept AlgorithmName = new("111001", "DCM", "Algorithm Name");
    public static readonly CodedConcept AlgorithmVersion = new("111003", "DCM", "Algorithm Version");
    public static readonly CodedConcept Comment = new("121106", "DCM", "Comment");

    // Measurements.
    public static readonly CodedConcept SuvBodyWeight = new("126401", "DCM", "SUVbw");
    public static readonly CodedConcept Suvr = new("SUVR", PrivateScheme, "SUV ratio to reference region");
    public static readonly CodedConcept ZScore = new("ZSCORE", PrivateScheme, "Z-score against normative database");
    public static readonly CodedConcept ReferenceRegion = new("REFREGION", PrivateScheme, "Reference region");
    public static readonly CodedConcept ReferenceSuvMean = new("REFSUV", PrivateScheme, "Reference region SUVbw mean");
    public static readonly CodedConcept NormativeDatabaseVersion = new("NORMDBVER", PrivateScheme, "Normative database version");
    public static readonly CodedConcept ResponseProbability = new("RESPPROB", PrivateScheme, "Probability of response to ketamine");
    public static readonly CodedConcept ResponseProbabilityLower90 = new("RESPPROBLO90", PrivateScheme, "Probability of response, 90% interval lower bound");
    public static readonly CodedConcept ResponseProbabilityUpper90 = new("RESPPROBHI90", PrivateScheme, "Probability of response, 90% interval upper bound");
    public static readonly CodedConcept PartialVolumeCorrection = new("PVCMETHOD", PrivateScheme, "Partial-volume correction method");
    public static readonly CodedConcept PartialVolumeFwhm = new("PVCFWHM", PrivateScheme, "Partial-volume correction resolution (FWHM)");
    public static readonly CodedConcept NoPartialVolumeCorrection = new("PVCNONE", PrivateScheme, "No partial-volume correction");
    public static readonly CodedConcept GeometricTransferMatrix = new("PVCGTM", PrivateScheme, "Geometric transfer matrix (GTM)");
    public static readonly CodedConcept RegionBasedVoxelWise = new("PVCRBV", PrivateScheme, "Region-based voxel-wise correction (RBV)");
    public static readonly CodedConcept K2BrainPet = new("K2PET", PrivateScheme, "[11C]K-2 brain PET");

    // Units (UCUM).
    public static readonly CodedConcept GramsPerMillilitre = new("g/ml", "UCUM", "g/ml");
    public static readonly CodedConcept Ratio = new("1", "UCUM", "ratio");
    public static readonly CodedConcept NoUnits = new("1", "UCUM", "no units");
    public static readonly CodedConcept Percent = new("%", "UCUM", "%");
    public static readonly CodedConcept Millimetre = new("mm", "UCUM", "mm");

    /// <summary>
    /// An atlas region as a finding site: the atlas's own region name is the code (SCT has no codes for most atlas
    /// regions, e.g. the lateral habenula), so the PACS and the report name a region alike.
    /// </summary>
    /// <summary>The partial-volume correction a result went through; a result stored before it was recorded was not corrected.</summary>
    public static CodedConcept PartialVolumeMethod(string? method) => method switch
    {
        "gtm" => GeometricTransferMatrix,
        "rbv" => RegionBasedVoxelWise,
        _ => NoPartialVolumeCorrection,
    };

    public static CodedConcept AtlasRegion(string name) => new(name, PrivateScheme, name);
}
