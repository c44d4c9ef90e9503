using AmpaCds.Dicom;

namespace AmpaCds.Quantification.Loading;

/// <summary>Functional-group tags of the Enhanced PET Image IOD (PS3.3 C.7.6.16, A.56) that volume assembly needs.</summary>
public static class EnhancedPetTags
{
    public const string EnhancedPetImageStorage = "1.2.840.10008.5.1.4.1.1.130";

    public static readonly DicomTag SharedFunctionalGroupsSequence = new(0x5200, 0x9229);
    public static readonly DicomTag PerFrameFunctionalGroupsSequence = new(0x5200, 0x9230);
    public static readonly DicomTag PlanePositionSequence = new(0x0020, 0x9113);
    public static readonly DicomTag PlaneOrientationSequence = new(0x0020, 0x9116);
    public static readonly DicomTag PixelMeasuresSequence = new(0x0028, 0x9110);
    public static readonly DicomTag PixelValueTransformationSequence = new(0x0028, 0x9145);
    public static readonly DicomTag FrameContentSequence = new(0x0020, 0x9111);
    public static readonly DicomTag PetFrameTimingSequence = new(0x0018, 0x9732);
    public static readonly DicomTag FrameAcquisitionDuration = new(0x0018, 0x9220);
    public static readonly DicomTag FrameReferenceDateTime = new(0x0018, 0x9151);
    public static readonly DicomTag TemporalPositionIndex = new(0x0020, 0x9128);
}
