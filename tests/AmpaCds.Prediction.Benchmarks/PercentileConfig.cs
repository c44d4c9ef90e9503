using BenchmarkDotNet.Columns;
using BenchmarkDotNet.Configs;

namespace AmpaCds.Prediction.Benchmarks;

/// <summary>Adds the 95th and 99th percentile columns: the forecast target is stated at p99.</summary>
public sealed class PercentileConfig : ManualConfig
{
    public PercentileConfig()
    {
        AddJob(InProcessJobs.Microbenchmark);
        AddColumn(StatisticColumn.P95, StatisticColumn.P100, new PercentileColumn99());
    }
}
