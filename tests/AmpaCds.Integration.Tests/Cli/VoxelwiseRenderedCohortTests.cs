using System.Text.Json;
using AmpaCds.Imaging.Atlas;
using AmpaCds.Integration.Tests.Support;
using AmpaCds.TestSupport;

namespace AmpaCds.Integration.Tests.Cli;

/// <summary>
/// The voxel-wise analysis end to end on rendered scans: `cohort render` writes PET DICOM studies, `cohort measure
/// --maps` quantifies each through the pipeline into a template-space SUVR map, `cohort analyze --maps` writes the
/// t- and r-maps, and scipy/statsmodels (voxelwise_stats.py, reading the NIfTI files itself) recompute every voxel.
/// </summary>
public sealed class VoxelwiseRenderedCohortTests : IDisposable
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "ampacds-voxelwise-" + Guid.NewGuid().ToString("N")[..8]);

    [Fact]
    public async Task EveryVoxelOfTheTAndRMapsOfARenderedCohortMatchesScipy()
    {
        // 10 subjects of the study's composition: 4 TRD, 6 healthy (the group split is fixed by the count).
        await Cli(TimeSpan.FromMinutes(4), "cohort", "render", "--n", "10", "--seed", "11", "--composition", "study", "--out", _folder);
        var measured = Path.Combine(_folder, "measured.csv");
        await Cli(TimeSpan.FromMinutes(4), "cohort", "measure", "--cohort-dir", _folder, "--out", measured, "--maps");
        var analysis = Path.Combine(_folder, "analysis");
        await Cli(TimeSpan.FromMinutes(2), "cohort", "analyze", "--cohort", measured, "--maps", Path.Combine(_folder, "maps"), "--out", analysis);

        var reference = Path.Combine(_folder, "scipy.json");
        var script = Path.Combine(AppContext.BaseDirectory, "Cli", "voxelwise_stats.py");
        var (exit, output) = await ScriptRunner.RunAsync("/usr/bin/python3", [script, measured, Path.Combine(_folder, "maps"), analysis, reference],
            TimeSpan.FromMinutes(2));
        Assert.True(exit == 0, "voxelwise_stats.py failed (python3-scipy and python3-statsmodels installed?): " + output);
        using var scipy = JsonDocument.Parse(File.ReadAllText(reference));
        double Value(string name) => scipy.RootElement.GetProperty(name).GetDouble();

        Assert.Equal((4, 6), ((int)Value("trd"), (int)Value("healthy")));
        // Every voxel of the atlas brain mask was tested (the rendered scans have noise everywhere in it) ...
        var maskVoxels = BuiltInAtlas.Create().WholeBrain().Count(inside => inside);
        foreach (var map in new[] { "t", "r" })
        {
            Assert.Equal(maskVoxels, (int)Value($"{map}_tested"));
            // ... and each one's statistic is scipy's to 1e-6 relative (the CLI stores float32; so is the comparison).
            Assert.InRange(Value($"{map}_max_relative_difference"), 0, 1e-6);
            // BH-FDR over the mask as statsmodels does it: the same voxels survive, with their unthresholded value.
            Assert.Equal(Value($"{map}_fdr_survivors_scipy"), Value($"{map}_fdr_survivors_cli"));
            Assert.Equal(0, Value($"{map}_fdr_mismatches"));
            Assert.Equal(0, Value($"{map}_fdr_values_differ"));
            Assert.Equal(0, Value($"{map}_outside_tested_nonzero_fdr"));
        }
        Assert.True(File.Exists(Path.Combine(analysis, "voxelwise-t-clusters.csv")));
    }

    private static async Task Cli(TimeSpan timeout, params string[] arguments)
    {
        var result = await ProcessRunner.RunCliAsync(timeout, arguments);
        Assert.True(result.ExitCode == 0, result.ToString());
    }

    public void Dispose()
    {
        if (Directory.Exists(_folder))
        {
            Directory.Delete(_folder, recursive: true);
        }
    }
}
