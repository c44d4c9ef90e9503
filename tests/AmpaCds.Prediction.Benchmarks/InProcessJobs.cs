using BenchmarkDotNet.Engines;
using BenchmarkDotNet.Jobs;
using BenchmarkDotNet.Toolchains.InProcess.Emit;

namespace AmpaCds.Prediction.Benchmarks;

/// <summary>
/// Jobs run inside the already built benchmark process: the default toolchain would generate and build a Release
/// copy of the projects in the repository, colliding with other Release builds on a shared machine.
/// </summary>
internal static class InProcessJobs
{
    public static Job Microbenchmark { get; } = Job.Default.WithToolchain(InProcessEmitToolchain.Instance);

    /// <summary>Seconds-long operations: a few timed runs, no pilot stage.</summary>
    public static Job Monitoring(int warmups, int iterations) => Job.Default
        .WithStrategy(RunStrategy.Monitoring).WithLaunchCount(1).WithWarmupCount(warmups).WithIterationCount(iterations)
        .WithToolchain(InProcessEmitToolchain.Instance);
}
