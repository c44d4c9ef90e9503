using AmpaCds.Dicom;
using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Columns;
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Reports;
using BenchmarkDotNet.Running;

namespace AmpaCds.Benchmarks;

/// <summary>
/// Parse throughput of a whole series with our codec: from disk (what pydicom's dcmread is compared with), from memory
/// (codec alone), and headers only (what series bookkeeping needs). Throughput column = series bytes / mean time.
/// </summary>
[Config(typeof(ThroughputConfig))]
[MemoryDiagnoser]
public class SeriesParseBenchmarks
{
    public const string SeriesFolderVariable = "AMPACDS_BENCH_SERIES";
    private static readonly DicomReadOptions HeadersOnly = new() { StopBeforePixelData = true };

    private string[] _paths = [];
    private byte[][] _contents = [];

    [GlobalSetup]
    public void Setup()
    {
        var folder = Environment.GetEnvironmentVariable(SeriesFolderVariable)
            ?? throw new InvalidOperationException($"Set {SeriesFolderVariable} to the series folder (the runner's 'parse DIR' does).");
        _paths = Directory.GetFiles(folder, "*.dcm").Order(StringComparer.Ordinal).ToArray();
        if (_paths.Length == 0) throw new InvalidOperationException($"No .dcm files in {folder}.");
        _contents = _paths.Select(File.ReadAllBytes).ToArray();
    }

    [Benchmark(Baseline = true, Description = "DicomFile.Open(path), whole series")]
    public int OpenFromDisk()
    {
        var rows = 0;
        foreach (var path in _paths) rows += DicomFile.Open(path).Dataset.GetInt(DicomTags.Rows);
        return rows;
    }

    [Benchmark(Description = "DicomFile.Open(bytes), whole series in memory")]
    public int OpenFromMemory()
    {
        var rows = 0;
        foreach (var bytes in _contents) rows += DicomFile.Open(bytes).Dataset.GetInt(DicomTags.Rows);
        return rows;
    }

    [Benchmark(Description = "DicomFile.Open(bytes, StopBeforePixelData)")]
    public int HeadersFromMemory()
    {
        var rows = 0;
        foreach (var bytes in _contents) rows += DicomFile.Open(bytes, HeadersOnly).Dataset.GetInt(DicomTags.Rows);
        return rows;
    }

    private sealed class ThroughputConfig : ManualConfig
    {
        public ThroughputConfig()
        {
            AddColumn(new ThroughputColumn());
        }
    }

    /// <summary>MB/s of series bytes (1 MB = 10^6 bytes), computed from the mean.</summary>
    private sealed class ThroughputColumn : IColumn
    {
        public string Id => "MBps";
        public string ColumnName => "MB/s";
        public bool AlwaysShow => true;
        public ColumnCategory Category => ColumnCategory.Custom;
        public int PriorityInCategory => 0;
        public bool IsNumeric => true;
        public UnitType UnitType => UnitType.Dimensionless;
        public string Legend => "Series bytes / mean time, 10^6 bytes per second";
        public bool IsAvailable(Summary summary) => true;
        public bool IsDefault(Summary summary, BenchmarkCase benchmarkCase) => false;
        public string GetValue(Summary summary, BenchmarkCase benchmarkCase) => GetValue(summary, benchmarkCase, SummaryStyle.Default);

        public string GetValue(Summary summary, BenchmarkCase benchmarkCase, SummaryStyle style)
        {
            var report = summary[benchmarkCase];
            if (report?.ResultStatistics is not { } stats) return "n/a";
            var folder = Environment.GetEnvironmentVariable(SeriesFolderVariable);
            if (folder is null) return "n/a";
            var bytes = Directory.GetFiles(folder, "*.dcm").Sum(f => new FileInfo(f).Length);
            return (bytes / (stats.Mean / 1e9) / 1e6).ToString("0", System.Globalization.CultureInfo.InvariantCulture);
        }
    }
}
