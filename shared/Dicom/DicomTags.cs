namespace AmpaCds.Dicom;

/// <summary>Well-known tags used by AmpaCds. Their VRs live in <see cref="DicomDictionary"/>.</summary>
public static class DicomTags
{
    // File meta information (PS3.10 7.1)
    public static readonly DicomTag FileMetaInformationGroupLength = new(0x0002, 0x0000);
    public static readonly DicomTag FileMetaInformationVersion = new(0x0002, 0x0001);
    public static readonly DicomTag MediaStorageSOPClassUID = new(0x0002, 0x0002);
    public static readonly DicomTag MediaStorageSOPInstanceUID = new(0x0002, 0x0003);
    public static readonly DicomTag TransferSyntaxUID = new(0x0002, 0x0010);
    public static readonly DicomTag ImplementationClassUID = new(0x0002, 0x0012);
    public static readonly DicomTag ImplementationVersionName = new(0x0002, 0x0013);
    public static readonly DicomTag SourceApplicationEntityTitle = new(0x0002, 0x0016);

    // SOP common, patient, study, series
    public static readonly DicomTag SpecificCharacterSet = new(0x0008, 0x0005);
    public static readonly DicomTag ImageType = new(0x0008, 0x0008);
    public static readonly DicomTag InstanceCreationDate = new(0x0008, 0x0012);
    public static readonly DicomTag InstanceCreationTime = new(0x0008, 0x0013);
    public static readonly DicomTag SOPClassUID = new(0x0008, 0x0016);
    public static readonly DicomTag SOPInstanceUID = new(0x0008, 0x0018);
    public static readonly DicomTag StudyDate = new(0x0008, 0x0020);
    public static readonly DicomTag SeriesDate = new(0x0008, 0x0021);
    public static readonly DicomTag AcquisitionDate = new(0x0008, 0x0022);
    public static readonly DicomTag ContentDate = new(0x0008, 0x0023);
    public static readonly DicomTag AcquisitionDateTime = new(0x0008, 0x002A);
    public static readonly DicomTag StudyTime = new(0x0008, 0x0030);
    public static readonly DicomTag SeriesTime = new(0x0008, 0x0031);
    public static readonly DicomTag AcquisitionTime = new(0x0008, 0x0032);
    public static readonly DicomTag ContentTime = new(0x0008, 0x0033);
    public static readonly DicomTag AccessionNumber = new(0x0008, 0x0050);
    public static readonly DicomTag Modality = new(0x0008, 0x0060);
    public static readonly DicomTag Manufacturer = new(0x0008, 0x0070);
    public static readonly DicomTag InstitutionName = new(0x0008, 0x0080);
    public static readonly DicomTag ReferringPhysicianName = new(0x0008, 0x0090);
    public static readonly DicomTag StationName = new(0x0008, 0x1010);
    public static readonly DicomTag StudyDescription = new(0x0008, 0x1030);
    public static readonly DicomTag SeriesDescription = new(0x0008, 0x103E);
    public static readonly DicomTag ManufacturerModelName = new(0x0008, 0x1090);
    public static readonly DicomTag CodeMeaning = new(0x0008, 0x0104);
    public static readonly DicomTag ReferencedSOPClassUID = new(0x0008, 0x1150);
    public static readonly DicomTag ReferencedSOPInstanceUID = new(0x0008, 0x1155);
    public static readonly DicomTag PatientName = new(0x0010, 0x0010);
    public static readonly DicomTag PatientID = new(0x0010, 0x0020);
    public static readonly DicomTag PatientBirthDate = new(0x0010, 0x0030);
    public static readonly DicomTag PatientSex = new(0x0010, 0x0040);
    public static readonly DicomTag PatientAge = new(0x0010, 0x1010);
    public static readonly DicomTag PatientSize = new(0x0010, 0x1020);
    public static readonly DicomTag PatientWeight = new(0x0010, 0x1030);
    public static readonly DicomTag PatientComments = new(0x0010, 0x4000);

    // Acquisition / PET
    public static readonly DicomTag SliceThickness = new(0x0018, 0x0050);
    public static readonly DicomTag Radiopharmaceutical = new(0x0018, 0x0031);
    public static readonly DicomTag SoftwareVersions = new(0x0018, 0x1020);
    public static readonly DicomTag RadiopharmaceuticalStartTime = new(0x0018, 0x1072);
    public static readonly DicomTag RadionuclideTotalDose = new(0x0018, 0x1074);
    public static readonly DicomTag RadionuclideHalfLife = new(0x0018, 0x1075);
    public static readonly DicomTag RadionuclidePositronFraction = new(0x0018, 0x1076);
    public static readonly DicomTag RadiopharmaceuticalStartDateTime = new(0x0018, 0x1078);
    public static readonly DicomTag ConvolutionKernel = new(0x0018, 0x1210);
    public static readonly DicomTag ActualFrameDuration = new(0x0018, 0x1242);
    public static readonly DicomTag PatientPosition = new(0x0018, 0x5100);
    public static readonly DicomTag StudyInstanceUID = new(0x0020, 0x000D);
    public static readonly DicomTag SeriesInstanceUID = new(0x0020, 0x000E);
    public static readonly DicomTag StudyID = new(0x0020, 0x0010);
    public static readonly DicomTag SeriesNumber = new(0x0020, 0x0011);
    public static readonly DicomTag AcquisitionNumber = new(0x0020, 0x0012);
    public static readonly DicomTag InstanceNumber = new(0x0020, 0x0013);
    public static readonly DicomTag ImagePositionPatient = new(0x0020, 0x0032);
    public static readonly DicomTag ImageOrientationPatient = new(0x0020, 0x0037);
    public static readonly DicomTag FrameOfReferenceUID = new(0x0020, 0x0052);
    public static readonly DicomTag SliceLocation = new(0x0020, 0x1041);

    // Image pixel module
    public static readonly DicomTag SamplesPerPixel = new(0x0028, 0x0002);
    public static readonly DicomTag PhotometricInterpretation = new(0x0028, 0x0004);
    public static readonly DicomTag PlanarConfiguration = new(0x0028, 0x0006);
    public static readonly DicomTag NumberOfFrames = new(0x0028, 0x0008);
    public static readonly DicomTag Rows = new(0x0028, 0x0010);
    public static readonly DicomTag Columns = new(0x0028, 0x0011);
    public static readonly DicomTag PixelSpacing = new(0x0028, 0x0030);
    public static readonly DicomTag CorrectedImage = new(0x0028, 0x0051);
    public static readonly DicomTag BitsAllocated = new(0x0028, 0x0100);
    public static readonly DicomTag BitsStored = new(0x0028, 0x0101);
    public static readonly DicomTag HighBit = new(0x0028, 0x0102);
    public static readonly DicomTag PixelRepresentation = new(0x0028, 0x0103);
    public static readonly DicomTag SmallestImagePixelValue = new(0x0028, 0x0106);
    public static readonly DicomTag LargestImagePixelValue = new(0x0028, 0x0107);
    public static readonly DicomTag WindowCenter = new(0x0028, 0x1050);
    public static readonly DicomTag WindowWidth = new(0x0028, 0x1051);
    public static readonly DicomTag RescaleIntercept = new(0x0028, 0x1052);
    public static readonly DicomTag LossyImageCompression = new(0x0028, 0x2110);
    public static readonly DicomTag RescaleSlope = new(0x0028, 0x1053);
    public static readonly DicomTag RescaleType = new(0x0028, 0x1054);

    // PET series / image modules (group 0054)
    public static readonly DicomTag RadiopharmaceuticalInformationSequence = new(0x0054, 0x0016);
    public static readonly DicomTag RadiopharmaceuticalCodeSequence = new(0x0054, 0x0304);
    public static readonly DicomTag NumberOfSlices = new(0x0054, 0x0081);
    public static readonly DicomTag NumberOfTimeSlices = new(0x0054, 0x0101);
    public static readonly DicomTag SeriesType = new(0x0054, 0x1000);
    public static readonly DicomTag Units = new(0x0054, 0x1001);
    public static readonly DicomTag AttenuationCorrectionMethod = new(0x0054, 0x1101);
    public static readonly DicomTag DecayCorrection = new(0x0054, 0x1102);
    public static readonly DicomTag ReconstructionMethod = new(0x0054, 0x1103);
    public static readonly DicomTag FrameReferenceTime = new(0x0054, 0x1300);
    public static readonly DicomTag DecayFactor = new(0x0054, 0x1321);
    public static readonly DicomTag ImageIndex = new(0x0054, 0x1330);

    // Vendor private (Philips PET scale factors, creator "Philips PET Private Group")
    public static readonly DicomTag PhilipsPrivateCreator = new(0x7053, 0x0010);
    public static readonly DicomTag PhilipsSuvScaleFactor = new(0x7053, 0x1000);
    public static readonly DicomTag PhilipsActivityConcentrationScaleFactor = new(0x7053, 0x1009);

    public static readonly DicomTag ExtendedOffsetTable = new(0x7FE0, 0x0001);
    public static readonly DicomTag ExtendedOffsetTableLengths = new(0x7FE0, 0x0002);
    public static readonly DicomTag PixelData = new(0x7FE0, 0x0010);
    public static readonly DicomTag DataSetTrailingPadding = new(0xFFFC, 0xFFFC);

    // Query/retrieve (PS3.4 C.6.2)
    public static readonly DicomTag QueryRetrieveLevel = new(0x0008, 0x0052);
    public static readonly DicomTag ModalitiesInStudy = new(0x0008, 0x0061);
    public static readonly DicomTag NumberOfStudyRelatedSeries = new(0x0020, 0x1206);
    public static readonly DicomTag NumberOfStudyRelatedInstances = new(0x0020, 0x1208);
    public static readonly DicomTag NumberOfSeriesRelatedInstances = new(0x0020, 0x1209);
    public static readonly DicomTag FailedSOPInstanceUIDList = new(0x0008, 0x0058);

    // Sequence delimitation (PS3.5 7.5), never stored in a dataset
    public static readonly DicomTag Item = new(0xFFFE, 0xE000);
    public static readonly DicomTag ItemDelimitationItem = new(0xFFFE, 0xE00D);
    public static readonly DicomTag SequenceDelimitationItem = new(0xFFFE, 0xE0DD);
}
