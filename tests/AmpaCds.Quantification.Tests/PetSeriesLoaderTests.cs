using AmpaCds.Dicom;
using AmpaCds.Dicom.Network;
using AmpaCds.Quantification.Loading;

namespace AmpaCds.Quantification.Tests;

public sealed class PetSeriesLoaderTests
{
    private static DicomDataset Slice(int index, double slope, ushort storedValue, string seriesUid = "1.2.3.4")
    {
        var dataset = new DicomDataset()
            .AddOrUpdate(DicomTags.SOPClassUID, DicomVR.UI, DicomUids.PetImageStorage)
            .AddOrUpdate(DicomTags.SOPInstanceUID, DicomVR.UI, $"{seriesUid}.{index}")
            .AddOrUpdate(DicomTags.StudyInstanceUID, DicomVR.UI, "1.2.3")
            .AddOrUpdate(DicomTags.SeriesInstanceUID, DicomVR.UI, seriesUid)
            .AddOrUpdate(DicomTags.Modality, DicomVR.CS, "PT")
            .AddOrUpdate(DicomTags.ImagePositionPatient, DicomVR.DS, -3, -3, index * 2.5)
            .AddOrUpdate(DicomTags.ImageOrientationPatient, DicomVR.DS, 1, 0, 0, 0, 1, 0)
            .AddOrUpdate(DicomTags.PixelSpacing, DicomVR.DS, 2, 2)
            .AddOrUpdate(DicomTags.RescaleSlope, DicomVR.DS, slope)
            .AddOrUpdate(DicomTags.RescaleIntercept, DicomVR.DS, 0)
            .AddOrUpdate(DicomTags.AcquisitionDate, DicomVR.DA, "20260115")
            .AddOrUpdate(DicomTags.AcquisitionTime, DicomVR.TM, $"0940{index:D2}");
        DicomPixelData.SetPixelData(dataset, 4, 4, Enumerable.Repeat(storedValue, 16).ToArray());
        return dataset;
    }

    [Fact]
    public void EachSliceIsRescaledWithItsOwnSlope()
    {
        var series = PetSeriesLoader.Load([Slice(0, 0.5, 1000), Slice(1, 2.0, 1000)]);
        Assert.All(series.Slices[0].Values, value => Assert.Equal(500f, value));
        Assert.All(series.Slices[1].Values, value => Assert.Equal(2000f, value));
        Assert.Equal(2.5, series.Slices[1].ImagePositionPatient.Z);
    }

    [Fact]
    public void TheEarliestAcquisitionTimeOfTheSeriesIsTheSuvInput()
    {
        var series = PetSeriesLoader.Load([Slice(5, 1, 1), Slice(2, 1, 1), Slice(9, 1, 1)]);
        Assert.Equal(new DateTime(2026, 1, 15, 9, 40, 2), series.SuvInputs.AcquisitionDateTime);
    }

    [Fact]
    public void InstancesOfTwoSeriesAreRefused()
    {
        var error = Assert.Throws<PetSeriesException>(() => PetSeriesLoader.Load([Slice(0, 1, 1), Slice(1, 1, 1, "1.2.3.5")]));
        Assert.Contains("more than one series", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ANonPetModalityIsRefused()
    {
        var slice = Slice(0, 1, 1).AddOrUpdate(DicomTags.Modality, DicomVR.CS, "CT");
        var error = Assert.Throws<PetSeriesException>(() => PetSeriesLoader.Load([slice]));
        Assert.Contains("CT", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void PixelDataShorterThanTheImageIsRefusedWithTheReason()
    {
        var slice = Slice(0, 1, 1).AddOrUpdate(DicomTags.PixelData, DicomVR.OW, new byte[10]);
        Assert.Throws<PetSeriesException>(() => PetSeriesLoader.Load([slice]));
    }
}
