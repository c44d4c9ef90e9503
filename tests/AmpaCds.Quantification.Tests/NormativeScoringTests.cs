using AmpaCds.Dicom;
using AmpaCds.Domain.Clinical;
using AmpaCds.Imaging.Atlas;
using AmpaCds.Imaging;
using AmpaCds.Quantification.Loading;
using AmpaCds.Quantification.Normative;
using AmpaCds.Quantification.Pipeline;
using AmpaCds.Research.Simulation;

namespace AmpaCds.Quantification.Tests;

/// <summary>Regional and voxel-wise z-scores of a new healthy control against the shipped synthetic database.</summary>
public sealed class NormativeScoringTests : IDisposable
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "ampacds-zscore-" + Guid.NewGuid().ToString("N")[..8]);

    [Fact]
    public void AHealthyControlOutsideTheDatabaseScoresNearZeroByTheDatabasesOwnNumbers()
    {
        var normative = ActiveNormativeDatabase.Load(null);
        var options = new QuantificationOptions();
        var result = new StudyQuantifier(QuantificationReference.BuiltIn(options.TemplateSmoothingFwhmMm), options, normative).Quantify(Simulate(77));

        Assert.Equal("ampacds-synthetic-hc-1.0", result.Normative!.Version);
        Assert.True(result.Normative.Synthetic);
        Assert.Null(result.Normative.ZScoreIncompatibility);
        foreach (var region in result.Regions)
        {
            var control = normative.Database.Region(region.Name)!;
            Assert.Equal((region.Suvr - control.Mean) / control.Sd, region.ZScore!.Value, 9);
            Assert.True(Math.Abs(region.ZScore.Value) < 4, $"{region.Name} z {region.ZScore}");
        }
        Assert.True(result.Regions.Average(region => Math.Abs(region.ZScore!.Value)) < 1.5);

        // Voxel-wise: inside the brain the z map is the definition applied per voxel, and mostly unremarkable.
        var z = result.Maps.Z!;
        var brain = BuiltInAtlas.Create().WholeBrain();
        var inside = Enumerable.Range(0, brain.Length).Where(i => brain[i] && normative.Maps!.Sd.Data[i] > 0.01 * normative.Maps.Mean.Data[i]).ToList();
        var probe = inside[inside.Count / 2];
        Assert.Equal((result.Maps.Suvr.Data[probe] - normative.Maps!.Mean.Data[probe]) / normative.Maps.Sd.Data[probe], z.Data[probe], 4);
        Assert.True(inside.Count(i => Math.Abs(z.Data[i]) > 3) < inside.Count * 0.05);
    }

    [Fact]
    public void AnotherReferenceRegionGetsNoZScoresAndTheReasonWhy()
    {
        var options = new QuantificationOptions { ReferenceRegion = "cerebellum" };
        var result = new StudyQuantifier(QuantificationReference.BuiltIn(options.TemplateSmoothingFwhmMm), options, ActiveNormativeDatabase.Load(null)).Quantify(Simulate(78));

        Assert.All(result.Regions, region => Assert.Null(region.ZScore));
        Assert.Contains("'cerebellum'", result.Normative!.ZScoreIncompatibility, StringComparison.Ordinal);
        Assert.Null(result.Maps.Z);
        Assert.Equal(1.0, result.Regions.Single(region => region.Name == "cerebellum").Suvr, 12);
    }

    private PetSeries Simulate(int seed)
    {
        PetStudySimulator.Simulate(new PetAcquisitionOptions { Seed = seed, Group = SubjectGroup.Healthy }, _folder);
        return PetSeriesLoader.Load(Directory.GetFiles(_folder, "*.dcm").Select(path => DicomFile.Open(path).Dataset).ToList());
    }

    public void Dispose()
    {
        if (Directory.Exists(_folder))
        {
            Directory.Delete(_folder, recursive: true);
        }
    }
}
