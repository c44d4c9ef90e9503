using AmpaCds.Dicom;
using AmpaCds.Quantification.Loading;
using AmpaCds.Quantification.Pipeline;
using AmpaCds.Research.Simulation;

namespace AmpaCds.Quantification.Tests;

/// <summary>The full computation on a simulated study whose truth is known, and on one that cannot be normalised.</summary>
public sealed class StudyQuantifierTests : IDisposable
{
    private static readonly QuantificationOptions Options = new();
    private static readonly Lazy<StudyQuantifier> Quantifier = new(() =>
        new StudyQuantifier(QuantificationReference.BuiltIn(Options.TemplateSmoothingFwhmMm), Options));
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "ampacds-quant-" + Guid.NewGuid().ToString("N")[..8]);

    [Fact]
    public void RegionalSuvAndSuvrMatchTheSimulation()
    {
        var truth = PetStudySimulator.Simulate(new PetAcquisitionOptions { Seed = 42 }, _folder);
        var result = Quantifier.Value.Quantify(Load());

        Assert.True(result.Registration.Passed, result.Registration.Detail);
        Assert.Equal(truth.SuvBodyWeightFactor, result.Suv.Factor, truth.SuvBodyWeightFactor * 1e-6);
        foreach (var region in result.Regions.Where(region => region.Voxels >= 300))
        {
            // SUV carries the dose, weight and decay chain; SUVR cancels it. Both within 4 % (justified in ReportAssertions).
            Assert.True(Math.Abs(region.SuvMean / truth.ExpectedMeasuredSuv[region.Name] - 1) < 0.04, $"{region.Name} SUV {region.SuvMean} vs {truth.ExpectedMeasuredSuv[region.Name]}");
            Assert.True(Math.Abs(region.Suvr / truth.ExpectedMeasuredSuvr[region.Name] - 1) < 0.04, $"{region.Name} SUVR {region.Suvr} vs {truth.ExpectedMeasuredSuvr[region.Name]}");
        }
    }

    [Fact]
    public void DoublingTheInjectedDoseInTheHeaderHalvesEverySuvButNoSuvr()
    {
        PetStudySimulator.Simulate(new PetAcquisitionOptions { Seed = 43 }, _folder);
        var series = Load();
        var doubled = series with { SuvInputs = series.SuvInputs with { RadionuclideTotalDoseBq = series.SuvInputs.RadionuclideTotalDoseBq * 2 } };

        var original = Quantifier.Value.Quantify(series);
        var halved = Quantifier.Value.Quantify(doubled);
        for (var index = 0; index < original.Regions.Count; index++)
        {
            Assert.Equal(original.Regions[index].SuvMean / 2, halved.Regions[index].SuvMean, 1e-4);
            Assert.Equal(original.Regions[index].Suvr, halved.Regions[index].Suvr, 1e-6);
        }
    }

    [Fact]
    public void AnImageWithoutABrainStopsWithARegistrationFailure()
    {
        PetStudySimulator.Simulate(new PetAcquisitionOptions { Seed = 44 }, _folder);
        var series = Load();
        var random = new Random(1);
        var noise = series with
        {
            Slices = series.Slices.Select(slice => slice with { Values = slice.Values.Select(_ => (float)(random.NextDouble() * 5000)).ToArray() }).ToList(),
        };
        var error = Assert.Throws<QuantificationException>(() => Quantifier.Value.Quantify(noise));
        Assert.Contains("spatial normalisation failed", error.Message, StringComparison.Ordinal);
    }

    private PetSeries Load() =>
        PetSeriesLoader.Load(Directory.GetFiles(_folder, "*.dcm").Select(path => DicomFile.Open(path).Dataset).ToList());

    public void Dispose()
    {
        if (Directory.Exists(_folder))
        {
            Directory.Delete(_folder, recursive: true);
        }
    }
}
