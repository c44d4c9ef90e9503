using AmpaCds.Dicom;
using AmpaCds.Research.Simulation;
using AmpaCds.ServiceDefaults.Storage;

namespace AmpaCds.Quantification.Tests.Persistence.Support;

/// <summary>One simulated PET series (simulated once per test run), stored into a blob store as Intake stores a series.</summary>
public sealed class SimulatedSeries
{
    private static readonly Lazy<SimulatedSeries> Shared = new(Simulate);

    private SimulatedSeries(IReadOnlyList<(string Name, byte[] Bytes)> files, string studyUid, string seriesUid)
    {
        Files = files;
        StudyInstanceUid = studyUid;
        SeriesInstanceUid = seriesUid;
    }

    public static SimulatedSeries Instance => Shared.Value;

    public IReadOnlyList<(string Name, byte[] Bytes)> Files { get; }

    public string StudyInstanceUid { get; }

    public string SeriesInstanceUid { get; }

    /// <summary>Stores the instances under a prefix and returns it.</summary>
    public async Task<string> StoreAsync(IBlobStore blobs)
    {
        var prefix = $"intake/series/{SeriesInstanceUid}/";
        foreach (var (name, bytes) in Files)
        {
            await blobs.PutAsync(prefix + name, bytes, CancellationToken.None);
        }
        return prefix;
    }

    private static SimulatedSeries Simulate()
    {
        var folder = Path.Combine(Path.GetTempPath(), $"ampacds-handler-series-{Guid.NewGuid():N}");
        try
        {
            PetStudySimulator.Simulate(new PetAcquisitionOptions { Seed = 71, PatientId = "P-HANDLER" }, folder);
            var paths = Directory.GetFiles(folder, "*.dcm").Order(StringComparer.Ordinal).ToList();
            var first = DicomFile.Open(paths[0]).Dataset;
            return new SimulatedSeries([.. paths.Select(path => (Path.GetFileName(path), File.ReadAllBytes(path)))],
                first.GetString(DicomTags.StudyInstanceUID)!, first.GetString(DicomTags.SeriesInstanceUID)!);
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }
}
