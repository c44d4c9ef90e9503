using System.Diagnostics;
using AmpaCds.Dicom;
using BenchmarkDotNet.Attributes;

namespace AmpaCds.Benchmarks;

/// <summary>
/// What decoding costs Intake per compressed instance (it decodes every frame to validate it): 100 slices of the
/// benchmark series compressed by DCMTK in each lossless syntax Intake accepts, decoded frame by frame.
/// Mean / 100 = time per 128 x 128 16-bit frame.
/// </summary>
[MemoryDiagnoser]
public class FrameDecodeBenchmarks
{
    private const int Slices = 100;
    private readonly Dictionary<string, DicomDataset[]> _compressed = [];

    [Params("RLE (dcmcrle)", "JPEG Lossless SV1 (dcmcjpeg +e1)", "JPEG-LS (dcmcjpls)")]
    public string Syntax { get; set; } = "";

    [GlobalSetup]
    public void Setup()
    {
        var folder = Environment.GetEnvironmentVariable(SeriesParseBenchmarks.SeriesFolderVariable)
            ?? throw new InvalidOperationException($"Set {SeriesParseBenchmarks.SeriesFolderVariable} to the series folder (the runner's 'parse DIR' does).");
        var sources = Directory.GetFiles(folder, "*.dcm").Order(StringComparer.Ordinal).Take(Slices).ToArray();
        var (tool, options) = Syntax switch
        {
            "RLE (dcmcrle)" => ("dcmcrle", Array.Empty<string>()),
            "JPEG Lossless SV1 (dcmcjpeg +e1)" => ("dcmcjpeg", ["+e1"]),
            _ => ("dcmcjpls", Array.Empty<string>()),
        };
        var target = Path.Combine(Path.GetTempPath(), "ampacds-decode-bench-" + Guid.NewGuid().ToString("N")[..8]);
        Directory.CreateDirectory(target);
        try
        {
            _compressed[Syntax] = sources.Select(source => DicomFile.Open(File.ReadAllBytes(Compress(tool, options, source, target))).Dataset).ToArray();
        }
        finally
        {
            Directory.Delete(target, recursive: true);
        }
    }

    [Benchmark(Description = "decode every frame of 100 compressed slices")]
    public long DecodeAll()
    {
        long bytes = 0;
        foreach (var dataset in _compressed[Syntax]) bytes += DicomPixelData.GetFrameBytes(dataset, 0).Length;
        return bytes;
    }

    private static string Compress(string tool, string[] options, string source, string folder)
    {
        var output = Path.Combine(folder, Path.GetFileName(source));
        var start = new ProcessStartInfo(tool) { RedirectStandardError = true };
        foreach (var argument in options.Append(source).Append(output)) start.ArgumentList.Add(argument);
        using var process = Process.Start(start)!;
        var errors = process.StandardError.ReadToEnd();
        process.WaitForExit();
        if (process.ExitCode != 0) throw new InvalidOperationException($"{tool} failed on {source}: {errors}");
        return output;
    }
}
