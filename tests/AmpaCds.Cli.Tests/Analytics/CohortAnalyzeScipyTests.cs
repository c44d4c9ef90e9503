using System.Globalization;
using System.Text.Json;
using AmpaCds.TestSupport;

namespace AmpaCds.Cli.Tests.Analytics;

/// <summary>
/// Every column of every `cohort analyze` table against scipy.stats / statsmodels (Debian python3-scipy,
/// python3-statsmodels) run on the same CSV by cohort_stats.py, to 1e-6 relative.
/// </summary>
public sealed class CohortAnalyzeScipyTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("ampacds-analyze-").FullName;

    [Fact]
    public async Task Every_statistic_matches_scipy_and_statsmodels()
    {
        var cohort = Path.Combine(_folder, "study.csv");
        var tables = Path.Combine(_folder, "out");
        Assert.Equal(0, await CohortCli.RunAsync("simulate", "--n", "83", "--seed", "7", "--composition", "study", "--followup", "--out", cohort));
        Assert.Equal(0, await CohortCli.RunAsync("analyze", "--cohort", cohort, "--out", tables, "--covariates"));

        var reference = Path.Combine(_folder, "scipy.json");
        var script = Path.Combine(AppContext.BaseDirectory, "Analytics", "cohort_stats.py");
        var (exit, output) = await ScriptRunner.RunAsync("/usr/bin/python3", [script, cohort, reference, "--covariates"], TimeSpan.FromMinutes(2));
        Assert.True(exit == 0, "cohort_stats.py failed (python3-scipy and python3-statsmodels installed?): " + output);

        using var expected = JsonDocument.Parse(File.ReadAllText(reference));
        var compared = 0;
        foreach (var table in expected.RootElement.EnumerateObject())
        {
            var csv = ReadTable(Path.Combine(tables, table.Name + ".csv"));
            foreach (var region in table.Value.EnumerateObject())
            {
                foreach (var column in region.Value.EnumerateObject())
                {
                    var want = column.Value.GetDouble();
                    var got = double.Parse(csv[region.Name][column.Name], CultureInfo.InvariantCulture);
                    Assert.True(Math.Abs(got - want) <= 1e-6 * Math.Max(Math.Abs(want), 1e-300),
                        $"{table.Name} {region.Name} {column.Name}: C# {got:R}, scipy {want:R}");
                    compared++;
                }
            }
        }

        // Six tables over 18 regions: group (10 + 5 adjusted), 3 correlation tables (10 each), paired (11), arms (10).
        Assert.Equal(6, expected.RootElement.EnumerateObject().Count());
        Assert.Equal(18 * (15 + 3 * 10 + 11 + 10), compared);
    }

    private static Dictionary<string, Dictionary<string, string>> ReadTable(string path)
    {
        var lines = File.ReadAllLines(path);
        var header = lines[0].Split(',');
        return lines.Skip(1).Select(line => line.Split(','))
            .ToDictionary(fields => fields[0], fields => header.Zip(fields).ToDictionary(pair => pair.First, pair => pair.Second));
    }

    public void Dispose() => Directory.Delete(_folder, recursive: true);
}
