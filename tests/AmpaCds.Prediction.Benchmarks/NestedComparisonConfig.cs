using BenchmarkDotNet.Configs;

namespace AmpaCds.Prediction.Benchmarks;

/// <summary>Three timed runs without warm-up: the nested comparison takes tens of seconds per run.</summary>
public sealed class NestedComparisonConfig : ManualConfig
{
    public NestedComparisonConfig() => AddJob(InProcessJobs.Monitoring(warmups: 0, iterations: 3));
}
