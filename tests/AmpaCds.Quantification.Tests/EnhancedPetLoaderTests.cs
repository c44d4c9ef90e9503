using AmpaCds.Dicom;
using AmpaCds.Imaging.Assembly;
using AmpaCds.Imaging;
using AmpaCds.Quantification.Loading;
using AmpaCds.Research.Simulation;

namespace AmpaCds.Quantification.Tests;

/// <summary>A multi-frame Enhanced PET object built from a single-frame series must assemble to the same volume.</summary>
public sealed class EnhancedPetLoaderTests : IDisposable
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "ampacds-enhanced-" + Guid.NewGuid().ToString("N")[..8]);

    [Fact]
    public void EnhancedPetFramesAssembleToTheSameVolumeAsTheSingleFrameSeries()
    {
        PetStudySimulator.Simulate(new PetAcquisitionOptions { Seed = 21, Slices = 30 }, _folder);
        var singles = Directory.GetFiles(_folder, "*.dcm").Select(path => DicomFile.Open(path).Dataset).ToList();
        var expected = VolumeAssembler.Assemble(PetSeriesLoader.Load(singles).Slices);

        var loaded = PetSeriesLoader.Load([ToEnhanced(singles)]);
        var actual = VolumeAssembler.Assemble(loaded.Slices);

        Assert.Equal(singles.Count, loaded.Slices.Count);
        Assert.True(actual.Geometry.SameGridAs(expected.Geometry, 1e-6));
        for (var i = 0; i < expected.Data.Length; i++)
        {
            Assert.Equal(expected.Data[i], actual.Data[i], 3);
        }
        Assert.Equal(PetSeriesLoader.Load(singles).SuvInputs.RadionuclideTotalDoseBq, loaded.SuvInputs.RadionuclideTotalDoseBq);
    }

    [Fact]
    public void AFrameWithoutPlanePositionIsRefusedWithTheFrameNumber()
    {
        PetStudySimulator.Simulate(new PetAcquisitionOptions { Seed = 22, Slices = 30 }, _folder);
        var enhanced = ToEnhanced(Directory.GetFiles(_folder, "*.dcm").Select(path => DicomFile.Open(path).Dataset).ToList());
        enhanced.TryGetSequence(EnhancedPetTags.PerFrameFunctionalGroupsSequence, out var groups);
        groups[2].Remove(EnhancedPetTags.PlanePositionSequence);

        var error = Assert.Throws<PetSeriesException>(() => PetSeriesLoader.Load([enhanced]));
        Assert.Equal("frame 3: no Plane Position (Patient)", error.Message);
    }

    /// <summary>Per-frame position and rescale (as scanners vary the slope), shared orientation and pixel measures.</summary>
    private static DicomDataset ToEnhanced(IReadOnlyList<DicomDataset> singles)
    {
        var ordered = singles.OrderBy(d => d.GetInt(DicomTags.InstanceNumber)).ToList();
        var first = ordered[0];
        var rows = first.GetInt(DicomTags.Rows);
        var columns = first.GetInt(DicomTags.Columns);
        var pixels = new ushort[rows * columns * ordered.Count];
        var groups = new List<DicomDataset>();
        for (var f = 0; f < ordered.Count; f++)
        {
            var raw = DicomPixelData.GetFrame(ordered[f], 0);
            for (var p = 0; p < raw.Length; p++)
            {
                pixels[f * raw.Length + p] = (ushort)raw[p];
            }
            groups.Add(new DicomDataset()
                .AddSequence(EnhancedPetTags.PlanePositionSequence, new DicomDataset()
                    .AddOrUpdate(DicomTags.ImagePositionPatient, DicomVR.DS, ordered[f].GetDoubles(DicomTags.ImagePositionPatient)))
                .AddSequence(EnhancedPetTags.PixelValueTransformationSequence, new DicomDataset()
                    .AddOrUpdate(DicomTags.RescaleSlope, DicomVR.DS, ordered[f].GetDoubles(DicomTags.RescaleSlope))
                    .AddOrUpdate(DicomTags.RescaleIntercept, DicomVR.DS, ordered[f].GetDoubles(DicomTags.RescaleIntercept))));
        }
        var shared = new DicomDataset()
            .AddSequence(EnhancedPetTags.PlaneOrientationSequence, new DicomDataset()
                .AddOrUpdate(DicomTags.ImageOrientationPatient, DicomVR.DS, first.GetDoubles(DicomTags.ImageOrientationPatient)))
            .AddSequence(EnhancedPetTags.PixelMeasuresSequence, new DicomDataset()
                .AddOrUpdate(DicomTags.PixelSpacing, DicomVR.DS, first.GetDoubles(DicomTags.PixelSpacing)));
        var enhanced = first.Clone();
        foreach (var tag in new[] { DicomTags.ImagePositionPatient, DicomTags.ImageOrientationPatient, DicomTags.PixelSpacing, DicomTags.RescaleSlope, DicomTags.RescaleIntercept })
        {
            enhanced.Remove(tag);
        }
        enhanced.AddOrUpdate(DicomTags.SOPClassUID, DicomVR.UI, EnhancedPetTags.EnhancedPetImageStorage)
            .AddOrUpdate(DicomTags.NumberOfFrames, DicomVR.IS, ordered.Count)
            .AddSequence(EnhancedPetTags.SharedFunctionalGroupsSequence, shared)
            .AddSequence(EnhancedPetTags.PerFrameFunctionalGroupsSequence, groups);
        DicomPixelData.SetPixelData(enhanced, rows, columns, pixels, ordered.Count);
        return enhanced;
    }

    public void Dispose()
    {
        if (Directory.Exists(_folder))
        {
            Directory.Delete(_folder, recursive: true);
        }
    }
}
