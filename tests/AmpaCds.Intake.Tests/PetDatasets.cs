using AmpaCds.Dicom;
using AmpaCds.Dicom.Network;

namespace AmpaCds.Intake.Tests;

/// <summary>A minimal valid PET slice, for tests to break one attribute at a time.</summary>
public static class PetDatasets
{
    public const string StudyUid = "1.2.826.0.1.3680043.10.1462.9.1";
    public const string SeriesUid = "1.2.826.0.1.3680043.10.1462.9.1.1";

    public static DicomDataset Slice(int index, int numberOfSlices = 3, string seriesUid = SeriesUid)
    {
        var dataset = new DicomDataset()
            .AddOrUpdate(DicomTags.SOPClassUID, DicomVR.UI, DicomUids.PetImageStorage)
            .AddOrUpdate(DicomTags.SOPInstanceUID, DicomVR.UI, $"{seriesUid}.{index + 1}")
            .AddOrUpdate(DicomTags.StudyInstanceUID, DicomVR.UI, StudyUid)
            .AddOrUpdate(DicomTags.SeriesInstanceUID, DicomVR.UI, seriesUid)
            .AddOrUpdate(DicomTags.Modality, DicomVR.CS, "PT")
            .AddOrUpdate(DicomTags.PatientName, DicomVR.PN, "Test^Patient")
            .AddOrUpdate(DicomTags.PatientID, DicomVR.LO, "T1")
            .AddOrUpdate(DicomTags.ImagePositionPatient, DicomVR.DS, 0, 0, index * 2.0)
            .AddOrUpdate(DicomTags.ImageOrientationPatient, DicomVR.DS, 1, 0, 0, 0, 1, 0)
            .AddOrUpdate(DicomTags.PixelSpacing, DicomVR.DS, 2, 2)
            .AddOrUpdate(DicomTags.NumberOfSlices, DicomVR.US, (ushort)numberOfSlices);
        DicomPixelData.SetPixelData(dataset, 4, 4, new ushort[16]);
        return dataset;
    }

    public static byte[] Encode(DicomDataset dataset) => DicomDatasetWriter.Write(dataset, TransferSyntax.ExplicitVRLittleEndian);

    public static string SopInstance(DicomDataset dataset) => dataset.GetString(DicomTags.SOPInstanceUID)!;
}
