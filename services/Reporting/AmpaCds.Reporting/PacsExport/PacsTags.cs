using AmpaCds.Dicom;

namespace AmpaCds.Reporting.PacsExport;

/// <summary>
/// Attributes of the exported objects that the shared dictionary does not name. Always set with an explicit VR
/// (listed beside each), since the dictionary does not know them either.
/// </summary>
internal static class PacsTags
{
    public static readonly DicomTag ConversionType = new(0x0008, 0x0064); // CS
    public static readonly DicomTag CodeValue = new(0x0008, 0x0100); // SH
    public static readonly DicomTag CodingSchemeDesignator = new(0x0008, 0x0102); // SH
    public static readonly DicomTag MappingResource = new(0x0008, 0x0105); // CS
    public static readonly DicomTag CodingSchemeIdentificationSequence = new(0x0008, 0x0110); // SQ
    public static readonly DicomTag CodingSchemeName = new(0x0008, 0x0115); // ST
    public static readonly DicomTag CodingSchemeResponsibleOrganization = new(0x0008, 0x0116); // ST
    public static readonly DicomTag LongCodeValue = new(0x0008, 0x0119); // UC
    public static readonly DicomTag TimezoneOffsetFromUtc = new(0x0008, 0x0201); // SH
    public static readonly DicomTag ReferencedPerformedProcedureStepSequence = new(0x0008, 0x1111); // SQ
    public static readonly DicomTag ReferencedSeriesSequence = new(0x0008, 0x1115); // SQ
    public static readonly DicomTag ReferencedSopSequence = new(0x0008, 0x1199); // SQ
    public static readonly DicomTag DerivationDescription = new(0x0008, 0x2111); // ST
    public static readonly DicomTag BodyPartExamined = new(0x0018, 0x0015); // CS
    public static readonly DicomTag DeviceSerialNumber = new(0x0018, 0x1000); // LO
    public static readonly DicomTag DateOfSecondaryCapture = new(0x0018, 0x1012); // DA
    public static readonly DicomTag TimeOfSecondaryCapture = new(0x0018, 0x1014); // TM
    public static readonly DicomTag SecondaryCaptureDeviceManufacturer = new(0x0018, 0x1016); // LO
    public static readonly DicomTag SecondaryCaptureDeviceManufacturerModelName = new(0x0018, 0x1018); // LO
    public static readonly DicomTag SecondaryCaptureDeviceSoftwareVersions = new(0x0018, 0x1019); // LO
    public static readonly DicomTag PatientOrientation = new(0x0020, 0x0020); // CS
    public static readonly DicomTag Laterality = new(0x0020, 0x0060); // CS
    public static readonly DicomTag ImageComments = new(0x0020, 0x4000); // LT
    public static readonly DicomTag BurnedInAnnotation = new(0x0028, 0x0301); // CS
    public static readonly DicomTag RecognizableVisualFeatures = new(0x0028, 0x0302); // CS
    public static readonly DicomTag MeasurementUnitsCodeSequence = new(0x0040, 0x08EA); // SQ
    public static readonly DicomTag RelationshipType = new(0x0040, 0xA010); // CS
    public static readonly DicomTag ValueType = new(0x0040, 0xA040); // CS
    public static readonly DicomTag ConceptNameCodeSequence = new(0x0040, 0xA043); // SQ
    public static readonly DicomTag ContinuityOfContent = new(0x0040, 0xA050); // CS
    public static readonly DicomTag Uid = new(0x0040, 0xA124); // UI
    public static readonly DicomTag TextValue = new(0x0040, 0xA160); // UT
    public static readonly DicomTag ConceptCodeSequence = new(0x0040, 0xA168); // SQ
    public static readonly DicomTag MeasuredValueSequence = new(0x0040, 0xA300); // SQ
    public static readonly DicomTag NumericValue = new(0x0040, 0xA30A); // DS
    public static readonly DicomTag PredecessorDocumentsSequence = new(0x0040, 0xA360); // SQ
    public static readonly DicomTag PerformedProcedureCodeSequence = new(0x0040, 0xA372); // SQ
    public static readonly DicomTag CurrentRequestedProcedureEvidenceSequence = new(0x0040, 0xA375); // SQ
    public static readonly DicomTag CompletionFlag = new(0x0040, 0xA491); // CS
    public static readonly DicomTag VerificationFlag = new(0x0040, 0xA493); // CS
    public static readonly DicomTag ContentTemplateSequence = new(0x0040, 0xA504); // SQ
    public static readonly DicomTag ContentSequence = new(0x0040, 0xA730); // SQ
    public static readonly DicomTag TemplateIdentifier = new(0x0040, 0xDB00); // CS
    public static readonly DicomTag DocumentTitle = new(0x0042, 0x0010); // ST
    public static readonly DicomTag EncapsulatedDocument = new(0x0042, 0x0011); // OB
    public static readonly DicomTag MimeTypeOfEncapsulatedDocument = new(0x0042, 0x0012); // LO
    public static readonly DicomTag EncapsulatedDocumentLength = new(0x0042, 0x0015); // UL
}
