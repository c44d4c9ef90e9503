using AmpaCds.Dicom;
using AmpaCds.Quantification.Loading;
using AmpaCds.Quantification.Tests.Persistence.Support;
using AmpaCds.Research.Simulation;

namespace AmpaCds.Quantification.Tests;

/// <summary>The acquisition details Quantification reads from a series equal what the simulator wrote into it.</summary>
public sealed class AcquisitionReaderTests
{
    [Fact]
    public void Acquisition_details_of_a_simulated_series_are_what_the_simulator_wrote()
    {
        var datasets = SimulatedSeries.Instance.Files.Select(file => DicomFile.Open(file.Bytes).Dataset).ToList();
        var written = new PetSeriesMetadata("", "", "", 0, 0, "", "", "", default, default, 0, 0, 0);
        var defaults = new PetAcquisitionOptions();

        var acquisition = PetSeriesLoader.Load(datasets).Acquisition!;

        Assert.Equal(PetDicomSeriesWriter.Manufacturer, acquisition.Manufacturer);
        Assert.Equal(written.ScannerModel, acquisition.ManufacturerModelName);
        Assert.Equal(written.ReconstructionMethod, acquisition.ReconstructionMethod);
        Assert.Equal(written.ConvolutionKernel, acquisition.ConvolutionKernel);
        Assert.Equal(written.AttenuationCorrectionMethod, acquisition.AttenuationCorrectionMethod);
        Assert.Equal("START", acquisition.DecayCorrection);
        Assert.Equal(PetDicomSeriesWriter.Radiopharmaceutical, acquisition.Radiopharmaceutical);
        Assert.Equal(defaults.InjectedActivityMBq, acquisition.InjectedActivityMBq!.Value, 6);
        Assert.Equal(defaults.UptakeMinutes, acquisition.MinutesFromInjectionToAcquisition!.Value, 6);
        Assert.Equal(defaults.SliceSpacingMm, acquisition.SliceThicknessMm);
        Assert.Equal(defaults.PixelSpacingMm, acquisition.PixelSpacingRowMm);
        Assert.Equal(defaults.PixelSpacingMm, acquisition.PixelSpacingColumnMm);
        Assert.Equal(defaults.Slices, acquisition.Frames);
    }

    [Fact]
    public void The_code_meaning_stands_in_for_a_missing_radiopharmaceutical_text_and_absent_tags_stay_null()
    {
        var dataset = DicomFile.Open(SimulatedSeries.Instance.Files[0].Bytes).Dataset;
        var item = dataset.GetSequence(DicomTags.RadiopharmaceuticalInformationSequence)[0];
        item.Remove(DicomTags.Radiopharmaceutical);
        item.AddSequence(DicomTags.RadiopharmaceuticalCodeSequence, new DicomDataset().AddOrUpdate(DicomTags.CodeMeaning, DicomVR.LO, "Fluorodeoxyglucose F^18^"));
        dataset.Remove(DicomTags.ConvolutionKernel);
        dataset.Remove(DicomTags.ManufacturerModelName);

        var acquisition = PetSeriesLoader.Load([dataset]).Acquisition!;

        Assert.Equal("Fluorodeoxyglucose F^18^", acquisition.Radiopharmaceutical);
        Assert.Null(acquisition.ConvolutionKernel);
        Assert.Null(acquisition.ManufacturerModelName);
        Assert.Equal(1, acquisition.Frames);
    }
}
