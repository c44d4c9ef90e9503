using AmpaCds.Integration.Tests.Support;
using AmpaCds.Synthetic;

namespace AmpaCds.Integration.Tests.Cli;

/// <summary>A cohort rendered as PET studies and measured by the pipeline, ready to train on measured features.</summary>
public sealed class CohortPipelineTests : IDisposable
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "ampacds-cohort-pet-" + Guid.NewGuid().ToString("N")[..8]);

    [Fact]
    public async Task RenderedStudiesAreMeasuredIntoACohortWithTheSameOutcomes()
    {
        var render = await ProcessRunner.RunCliAsync(TimeSpan.FromMinutes(3), "cohort", "render", "--n", "3", "--seed", "5", "--out", _folder);
        Assert.True(render.ExitCode == 0, render.ToString());
        var truth = CohortCsv.Read(Path.Combine(_folder, "cohort-truth.csv"));
        Assert.Equal(3, truth.Count);
        Assert.All(truth, row => Assert.Equal(90, Directory.GetFiles(Path.Combine(_folder, "studies", row.SubjectId), "*.dcm").Length));

        var measuredPath = Path.Combine(_folder, "measured.csv");
        var measure = await ProcessRunner.RunCliAsync(TimeSpan.FromMinutes(3), "cohort", "measure", "--cohort-dir", _folder, "--out", measuredPath);
        Assert.True(measure.ExitCode == 0, measure.ToString());
        var measured = CohortCsv.Read(measuredPath);

        Assert.Equal(truth.Select(row => (row.SubjectId, row.MadrsChangePercent, row.Responder)),
            measured.Select(row => (row.SubjectId, row.MadrsChangePercent, row.Responder)));
        foreach (var (ideal, pipeline) in truth.Zip(measured))
        {
            foreach (var (region, value) in ideal.BaselineSuvr)
            {
                // The pipeline sees the PSF's partial-volume effect (about 10 % on average, more in small
                // or thin regions), so measured features differ from the ideal ones, but not wildly.
                Assert.InRange(pipeline.BaselineSuvr[region] / value, 0.6, 1.4);
            }
            Assert.NotEqual(ideal.BaselineSuvr["white_matter"], pipeline.BaselineSuvr["white_matter"]);
        }
    }

    [Fact]
    public async Task MeasuringAFolderThatWasNotRenderedSaysWhatToDo()
    {
        var measure = await ProcessRunner.RunCliAsync(TimeSpan.FromMinutes(1), "cohort", "measure", "--cohort-dir", _folder, "--out", Path.Combine(_folder, "x.csv"));
        Assert.Equal(2, measure.ExitCode);
        Assert.Contains("cohort render", measure.StandardError, StringComparison.Ordinal);
    }

    public void Dispose()
    {
        if (Directory.Exists(_folder))
        {
            Directory.Delete(_folder, recursive: true);
        }
    }
}
