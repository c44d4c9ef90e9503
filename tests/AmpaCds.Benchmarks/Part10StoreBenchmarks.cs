using AmpaCds.Dicom;
using BenchmarkDotNet.Attributes;

namespace AmpaCds.Benchmarks;

/// <summary>
/// What Intake does with each received dataset before fsync, over the whole series: today it parses, then re-encodes a
/// Part 10 file (DicomFile.Create(dataset).ToBytes()); the alternative parses (validation needs it) and wraps the
/// received bytes as they are (DicomPart10Writer). The difference is the per-instance cost the raw path removes.
/// </summary>
[MemoryDiagnoser]
public class Part10StoreBenchmarks
{
    private (byte[] Raw, string SopClass, string SopInstance)[] _received = [];

    [GlobalSetup]
    public void Setup()
    {
        var folder = Environment.GetEnvironmentVariable(SeriesParseBenchmarks.SeriesFolderVariable)
            ?? throw new InvalidOperationException($"Set {SeriesParseBenchmarks.SeriesFolderVariable} to the series folder.");
        _received = Directory.GetFiles(folder, "*.dcm").Order(StringComparer.Ordinal).Select(path =>
        {
            var file = DicomFile.Open(path);
            // The bytes a C-STORE delivers: the dataset alone, in the negotiated syntax (Explicit VR LE here).
            return (DicomDatasetWriter.Write(file.Dataset, TransferSyntax.ExplicitVRLittleEndian),
                file.Dataset.GetString(DicomTags.SOPClassUID)!, file.Dataset.GetString(DicomTags.SOPInstanceUID)!);
        }).ToArray();
    }

    [Benchmark(Baseline = true, Description = "parse + re-encode (Intake before 2026-11-26)")]
    public long ParseAndReencode()
    {
        long bytes = 0;
        foreach (var (raw, _, _) in _received)
        {
            var dataset = DicomDatasetReader.Read(raw, TransferSyntax.ExplicitVRLittleEndian);
            bytes += DicomFile.Create(dataset, TransferSyntax.ExplicitVRLittleEndian.Uid).ToBytes().Length;
        }
        return bytes;
    }

    [Benchmark(Description = "parse + wrap raw bytes (Intake now, DicomPart10Writer)")]
    public long ParseAndWrapRaw()
    {
        long bytes = 0;
        foreach (var (raw, sopClass, sopInstance) in _received)
        {
            _ = DicomDatasetReader.Read(raw, TransferSyntax.ExplicitVRLittleEndian);
            bytes += DicomPart10Writer.Write(raw, TransferSyntax.ExplicitVRLittleEndian.Uid, sopClass, sopInstance).Length;
        }
        return bytes;
    }
}
