using AmpaCds.Dicom;
using AmpaCds.Dicom.Network;
using AmpaCds.Intake.Validation;

namespace AmpaCds.Intake.Tests;

public sealed class PetInstanceValidatorTests
{
    [Fact]
    public void ACompletePetSliceIsAccepted()
    {
        var slice = PetDatasets.Slice(0);
        Assert.Null(PetInstanceValidator.Validate(slice, DicomUids.PetImageStorage, PetDatasets.SopInstance(slice)));
    }

    [Theory]
    [InlineData(0x0020, 0x0032, "Image Position (Patient)")]
    [InlineData(0x0028, 0x0030, "Pixel Spacing")]
    [InlineData(0x7FE0, 0x0010, "Pixel Data")]
    [InlineData(0x0020, 0x000E, "Series Instance UID")]
    public void AMissingRequiredAttributeIsDatasetDoesNotMatchSopClass(ushort group, ushort element, string name)
    {
        var slice = PetDatasets.Slice(0);
        slice.Remove(new DicomTag(group, element));
        var rejection = PetInstanceValidator.Validate(slice, DicomUids.PetImageStorage, PetDatasets.SopInstance(slice));
        Assert.NotNull(rejection);
        Assert.Equal(DicomStatus.DatasetDoesNotMatchSopClass, rejection.Status);
        Assert.Contains(name, rejection.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void AnImageOfAnotherModalityIsSopClassNotSupported()
    {
        var slice = PetDatasets.Slice(0).AddOrUpdate(DicomTags.SOPClassUID, DicomVR.UI, DicomUids.CtImageStorage);
        var rejection = PetInstanceValidator.Validate(slice, DicomUids.CtImageStorage, PetDatasets.SopInstance(slice));
        Assert.Equal(DicomStatus.SopClassNotSupported, rejection?.Status);
    }

    [Fact]
    public void ADatasetWhoseSopClassDiffersFromTheCommandIsRefused()
    {
        var slice = PetDatasets.Slice(0);
        var rejection = PetInstanceValidator.Validate(slice, DicomUids.CtImageStorage, PetDatasets.SopInstance(slice));
        Assert.Equal(DicomStatus.DatasetDoesNotMatchSopClass, rejection?.Status);
    }

    [Fact]
    public void AUidThatWouldEscapeTheStorageFolderIsRefused()
    {
        var slice = PetDatasets.Slice(0).AddOrUpdate(DicomTags.StudyInstanceUID, DicomVR.UI, "1.2/../../etc");
        var rejection = PetInstanceValidator.Validate(slice, DicomUids.PetImageStorage, PetDatasets.SopInstance(slice));
        Assert.Equal(DicomStatus.DatasetDoesNotMatchSopClass, rejection?.Status);
        Assert.Contains("not a valid UID", rejection!.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void TwoValuesOfImagePositionAreRefused()
    {
        var slice = PetDatasets.Slice(0).AddOrUpdate(DicomTags.ImagePositionPatient, DicomVR.DS, 0, 0);
        var rejection = PetInstanceValidator.Validate(slice, DicomUids.PetImageStorage, PetDatasets.SopInstance(slice));
        Assert.Equal(DicomStatus.DatasetDoesNotMatchSopClass, rejection?.Status);
    }

    [Fact]
    public void AnEnhancedPetObjectNeedsOneFunctionalGroupItemPerFrame()
    {
        var enhanced = PetDatasets.Slice(0)
            .AddOrUpdate(DicomTags.SOPClassUID, DicomVR.UI, PetInstanceValidator.EnhancedPetImageStorage)
            .AddOrUpdate(DicomTags.NumberOfFrames, DicomVR.IS, 2);
        DicomPixelData.SetPixelData(enhanced, 4, 4, new ushort[32], frames: 2);
        enhanced.Remove(DicomTags.ImagePositionPatient);
        var frame = new DicomDataset().AddOrUpdate(DicomTags.InstanceNumber, DicomVR.IS, 1);
        var perFrame = new DicomTag(0x5200, 0x9230);

        enhanced.AddSequence(perFrame, frame);
        var rejection = PetInstanceValidator.Validate(enhanced, PetInstanceValidator.EnhancedPetImageStorage, PetDatasets.SopInstance(enhanced));
        Assert.Equal(DicomStatus.DatasetDoesNotMatchSopClass, rejection?.Status);
        Assert.Contains("1 items for 2 frames", rejection!.Reason, StringComparison.Ordinal);

        enhanced.AddSequence(perFrame, frame, frame);
        Assert.Null(PetInstanceValidator.Validate(enhanced, PetInstanceValidator.EnhancedPetImageStorage, PetDatasets.SopInstance(enhanced)));
    }
}
