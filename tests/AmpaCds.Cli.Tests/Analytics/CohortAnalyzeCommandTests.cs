using AmpaCds.Cli.Analysis;
using AmpaCds.Cli.Output;
using SkiaSharp;

namespace AmpaCds.Cli.Tests.Analytics;

/// <summary>`ampacds cohort analyze`: what it writes for a study cohort, and how it refuses bad input (exit 2).</summary>
public sealed class CohortAnalyzeCommandTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("ampacds-analyze-cmd-").FullName;

    [Fact]
    public async Task A_study_cohort_gets_tables_plots_and_a_summary()
    {
        var cohort = Path.Combine(_folder, "study.csv");
        var output = Path.Combine(_folder, "out");
        Assert.Equal(0, await CohortCli.RunAsync("simulate", "--n", "83", "--seed", "7", "--composition", "study", "--followup", "--out", cohort));

        Assert.Equal(0, await CohortCli.RunAsync("analyze", "--cohort", cohort, "--out", output));

        foreach (var name in new[] { "group-comparison", "severity", "ketamine-change", "ketamine-change-vs-improvement", "ketamine-vs-placebo", "baseline-prediction" })
        {
            Assert.True(File.Exists(Path.Combine(output, name + ".json")), name);
            Assert.Equal(19, File.ReadAllLines(Path.Combine(output, name + ".csv")).Length); // header + 18 regions
        }

        var summary = File.ReadAllText(Path.Combine(output, AnalysisSummaryHtml.FileName));
        Assert.Contains("49 healthy controls, 34 TRD patients (17 ketamine, 17 placebo; follow-up scans: 17 ketamine, 17 placebo).", summary, StringComparison.Ordinal);
        // Seed 7: the posterior insula is lower in TRD (effect model) and FDR-significant; it is listed in the group section.
        var group = summary[summary.IndexOf("<section id=\"group-comparison\"", StringComparison.Ordinal)..];
        Assert.Contains("<td>Posterior insula</td>", group[..group.IndexOf("</section>", StringComparison.Ordinal)], StringComparison.Ordinal);

        // The plot draws significant regions dark blue: bars 0..17 spread over the plot width, posterior insula is bar 7.
        using var png = SKBitmap.Decode(Path.Combine(output, "group-comparison.png"));
        Assert.Equal((AnalysisPlots.Width, AnalysisPlots.Height), (png.Width, png.Height));
        var dark = CountPixels(png, AnalysisPlots.Significant.ToHex());
        var grey = CountPixels(png, AnalysisPlots.NotSignificant.ToHex());
        Assert.True(dark > 1000 && grey > 1000, $"significant {dark}, other {grey} pixels");
    }

    [Fact]
    public async Task A_missing_file_is_an_input_error() =>
        Assert.Equal(CliRunner.InputError, await CohortCli.RunAsync("analyze", "--cohort", Path.Combine(_folder, "absent.csv")));

    [Fact]
    public async Task A_file_without_the_required_columns_is_an_input_error()
    {
        var cohort = Path.Combine(_folder, "bad.csv");
        File.WriteAllText(cohort, "subject_id,group,age,suvr_frontal_cortex\nA,trd,40,1.2\n");

        Assert.Equal(CliRunner.InputError, await CohortCli.RunAsync("analyze", "--cohort", cohort));
    }

    [Fact]
    public async Task A_cohort_without_controls_is_an_input_error()
    {
        var cohort = Path.Combine(_folder, "training.csv");
        Assert.Equal(0, await CohortCli.RunAsync("simulate", "--n", "20", "--seed", "3", "--out", cohort));

        Assert.Equal(CliRunner.InputError, await CohortCli.RunAsync("analyze", "--cohort", cohort));
    }

    private static int CountPixels(SKBitmap bitmap, string hex)
    {
        var colour = SKColor.Parse(hex);
        var count = 0;
        for (var y = 0; y < bitmap.Height; y++)
        {
            for (var x = 0; x < bitmap.Width; x++)
            {
                var pixel = bitmap.GetPixel(x, y);
                count += pixel.Red == colour.Red && pixel.Green == colour.Green && pixel.Blue == colour.Blue ? 1 : 0;
            }
        }

        return count;
    }

    public void Dispose() => Directory.Delete(_folder, recursive: true);
}
