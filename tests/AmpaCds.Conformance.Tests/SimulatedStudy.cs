using AmpaCds.Dicom;

namespace AmpaCds.Conformance.Tests;

/// <summary>A small PET series on disk (10 slices of 128 x 128, simulator's DICOM writer), with its identifiers.</summary>
public sealed class SimulatedStudy : IDisposable
{
    public const int Slices = 10;

    public SimulatedStudy(int seed)
    {
        Folder = Path.Combine(Path.GetTempPath(), $"ampacds-study-{seed}-" + Guid.NewGuid().ToString("N")[..8]);
        Files = PetSeriesFiles.Write(Folder, seed, Slices);
        First = DicomFile.Open(Files[0]).Dataset;
        SopInstanceUids = Files.Select(f => DicomFile.Open(f, new DicomReadOptions { StopBeforePixelData = true })
            .Dataset.GetString(DicomTags.SOPInstanceUID)!).ToList();
    }

    public string Folder { get; }
    public IReadOnlyList<string> Files { get; }
    public IReadOnlyList<string> SopInstanceUids { get; }
    public DicomDataset First { get; }
    public string StudyUid => First.GetString(DicomTags.StudyInstanceUID)!;
    public string SeriesUid => First.GetString(DicomTags.SeriesInstanceUID)!;
    public string PatientId => First.GetString(DicomTags.PatientID)!;

    public void Dispose()
    {
        try { Directory.Delete(Folder, recursive: true); }
        catch (IOException) { }
    }
}
