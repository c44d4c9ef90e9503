namespace AmpaCds.Dicom.Tests;

/// <summary>Builders for PET-like test datasets with known values.</summary>
internal static class TestDatasets
{
    public const int Size = 8;

    public static DicomDataset Pet(string? sopInstanceUid = null, string patientName = "Doe^John", int instanceNumber = 1)
    {
        var ds = new DicomDataset()
            .AddOrUpdate(DicomTags.SpecificCharacterSet, DicomVR.CS, "ISO_IR 100")
            .AddOrUpdate(DicomTags.ImageType, DicomVR.CS, "ORIGINAL", "PRIMARY")
            .AddOrUpdate(DicomTags.SOPClassUID, DicomVR.UI, DicomUids.PetImageStorage)
            .AddOrUpdate(DicomTags.SOPInstanceUID, DicomVR.UI, sopInstanceUid ?? DicomUids.Generate())
            .AddOrUpdate(DicomTags.StudyDate, DicomVR.DA, "20240131")
            .AddOrUpdate(DicomTags.Modality, DicomVR.CS, "PT")
            .AddOrUpdate(DicomTags.Manufacturer, DicomVR.LO, "Philips")
            .AddOrUpdate(DicomTags.PatientName, DicomVR.PN, patientName)
            .AddOrUpdate(DicomTags.PatientID, DicomVR.LO, "PAT-001")
            .AddOrUpdate(DicomTags.PatientWeight, DicomVR.DS, 72.5)
            .AddOrUpdate(DicomTags.StudyInstanceUID, DicomVR.UI, "1.2.826.0.1.3680043.10.1462.99.1")
            .AddOrUpdate(DicomTags.SeriesInstanceUID, DicomVR.UI, "1.2.826.0.1.3680043.10.1462.99.2")
            .AddOrUpdate(DicomTags.InstanceNumber, DicomVR.IS, instanceNumber)
            .AddOrUpdate(DicomTags.ImagePositionPatient, DicomVR.DS, -250.0, -250.0, 12.5 * instanceNumber)
            .AddOrUpdate(DicomTags.PixelSpacing, DicomVR.DS, 4.0728, 4.0728)
            .AddOrUpdate(DicomTags.RescaleSlope, DicomVR.DS, 0.123456789012345)
            .AddOrUpdate(DicomTags.RescaleIntercept, DicomVR.DS, 0.0)
            .AddOrUpdate(DicomTags.Units, DicomVR.CS, "BQML")
            .AddOrUpdate(DicomTags.NumberOfSlices, DicomVR.US, 47)
            .AddOrUpdate(DicomTags.PhilipsPrivateCreator, DicomVR.LO, "Philips PET Private Group")
            .AddOrUpdate(DicomTags.PhilipsSuvScaleFactor, DicomVR.DS, 0.000532)
            .AddSequence(DicomTags.RadiopharmaceuticalInformationSequence, new DicomDataset()
                .AddOrUpdate(DicomTags.Radiopharmaceutical, DicomVR.LO, "Fluorodeoxyglucose")
                .AddOrUpdate(DicomTags.RadiopharmaceuticalStartTime, DicomVR.TM, "083000.00")
                .AddOrUpdate(DicomTags.RadionuclideTotalDose, DicomVR.DS, 370000000)
                .AddOrUpdate(DicomTags.RadionuclideHalfLife, DicomVR.DS, 6586.2));
        var pixels = new ushort[Size * Size];
        for (var i = 0; i < pixels.Length; i++) pixels[i] = (ushort)(i * 1000 + instanceNumber);
        DicomPixelData.SetPixelData(ds, Size, Size, pixels);
        return ds;
    }
}
