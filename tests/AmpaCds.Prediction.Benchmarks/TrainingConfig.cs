using BenchmarkDotNet.Configs;

namespace AmpaCds.Prediction.Benchmarks;

/// <summary>One warm-up (JIT, ML.NET's first-use costs) then five timed runs.</summary>
public sealed class TrainingConfig : ManualConfig
{
    public TrainingConfig() => AddJob(InProcessJobs.Monitoring(warmups: 1, iterations: 5));
}
