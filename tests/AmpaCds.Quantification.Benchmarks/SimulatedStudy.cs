using AmpaCds.Dicom;
using AmpaCds.Imaging.Geometry;
using AmpaCds.Imaging;
using AmpaCds.Quantification.Loading;
using AmpaCds.Research.Simulation;

namespace AmpaCds.Quantification.Benchmarks;

/// <summary>A simulated 128 × 128 × 90 study, loaded as the service would load it, and its true head position.</summary>
public sealed record SimulatedStudy(PetSeries Series, Affine TemplateToScanner)
{
    public static SimulatedStudy Create(int seed, string folder)
    {
        // The largest head offsets the issue asks to be robust to: 20 mm and 15 degrees.
        var truth = PetStudySimulator.Simulate(new PetAcquisitionOptions { Seed = seed, MaxTranslationMm = 20, MaxRotationDegrees = 15 }, folder);
        var series = PetSeriesLoader.Load(Directory.GetFiles(folder, "*.dcm").Select(path => DicomFile.Open(path).Dataset).ToList());
        return new SimulatedStudy(series, Affine.FromRowMajor(truth.TemplateToScanner));
    }
}
