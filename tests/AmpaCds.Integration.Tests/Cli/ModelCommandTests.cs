using System.Text.Json;
using AmpaCds.Integration.Tests.Support;

namespace AmpaCds.Integration.Tests.Cli;

/// <summary>`cohort simulate`, `model train`, `model list` as an operator runs them, on a small cohort (CI time).</summary>
public sealed class ModelCommandTests : IDisposable
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "ampacds-model-" + Guid.NewGuid().ToString("N")[..8]);

    [Fact]
    public async Task ACohortIsTrainedComparedRegisteredAndActivated()
    {
        Directory.CreateDirectory(_folder);
        var csv = Path.Combine(_folder, "cohort.csv");
        var registry = Path.Combine(_folder, "registry");
        var simulate = await ProcessRunner.RunCliAsync(TimeSpan.FromMinutes(1), "cohort", "simulate", "--n", "80", "--seed", "4", "--out", csv);
        Assert.True(simulate.ExitCode == 0, simulate.ToString());
        Assert.Equal(81, File.ReadAllLines(csv).Length);

        var train = await ProcessRunner.RunCliAsync(TimeSpan.FromMinutes(4), "model", "train", "--cohort", csv, "--json",
            "--permutations", "3", "--registry", registry, "--activate");
        Assert.True(train.ExitCode == 0, train.ToString());
        using var json = JsonDocument.Parse(train.StandardOutput);
        var comparison = json.RootElement.GetProperty("comparison");
        Assert.Equal(80, comparison.GetProperty("cohortSize").GetInt32());
        var auc = comparison.GetProperty("nested").GetProperty("auc");
        Assert.InRange(auc.GetProperty("lower").GetDouble(), 0, auc.GetProperty("value").GetDouble());
        Assert.InRange(auc.GetProperty("upper").GetDouble(), auc.GetProperty("value").GetDouble(), 1);
        var candidates = comparison.GetProperty("candidates").EnumerateArray().Select(c => c.GetProperty("name").GetString()).ToList();
        Assert.Contains("logistic-l2-1", candidates);

        var list = await ProcessRunner.RunCliAsync(TimeSpan.FromMinutes(1), "model", "list", "--registry", registry);
        Assert.True(list.ExitCode == 0, list.ToString());
        Assert.StartsWith("* k2-response-1.0.0+", list.StandardOutput.Trim(), StringComparison.Ordinal);
        Assert.Contains("cohort of 80 patients", list.StandardOutput, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AModelTrainedForGtmRecordsItOnTheCardAndTrainsOnCorrectedFeatures()
    {
        Directory.CreateDirectory(_folder);
        var plain = Path.Combine(_folder, "none.csv");
        var corrected = Path.Combine(_folder, "gtm.csv");
        foreach (var (csv, pvc) in new[] { (plain, "none"), (corrected, "gtm") })
        {
            var simulate = await ProcessRunner.RunCliAsync(TimeSpan.FromMinutes(1), "cohort", "simulate", "--n", "80", "--seed", "4", "--pvc", pvc, "--out", csv);
            Assert.True(simulate.ExitCode == 0, simulate.ToString());
        }
        // Same subjects and outcomes, other features: the header and the clinical columns agree, the SUVR columns do not.
        var (plainLines, correctedLines) = (File.ReadAllLines(plain), File.ReadAllLines(corrected));
        Assert.Equal(plainLines[0], correctedLines[0]);
        Assert.NotEqual(plainLines[1], correctedLines[1]);
        var whiteMatter = Array.IndexOf(plainLines[0].Split(','), "suvr_white_matter");
        Assert.True(whiteMatter > 0, plainLines[0]);
        // Spill-in from cortex lifts uncorrected white matter; corrected, it is the painted (lower) truth.
        Assert.True(Column(correctedLines, whiteMatter).Average() < Column(plainLines, whiteMatter).Average() - 0.05);

        var train = await ProcessRunner.RunCliAsync(TimeSpan.FromMinutes(4), "model", "train", "--cohort", corrected, "--json",
            "--permutations", "3", "--pvc", "gtm", "--fwhm", "5.5", "--feature-source", "measured");
        Assert.True(train.ExitCode == 0, train.ToString());
        using var json = JsonDocument.Parse(train.StandardOutput);
        var card = json.RootElement.GetProperty("model");
        Assert.Equal("gtm", card.GetProperty("partialVolumeCorrection").GetString());
        Assert.Equal(5.5, card.GetProperty("partialVolumeFwhmMm").GetDouble());
        Assert.StartsWith("as measured with partial-volume correction", card.GetProperty("featureSource").GetString(), StringComparison.Ordinal);

        var plainTrain = await ProcessRunner.RunCliAsync(TimeSpan.FromMinutes(4), "model", "train", "--cohort", plain, "--json", "--permutations", "3");
        Assert.True(plainTrain.ExitCode == 0, plainTrain.ToString());
        using var plainJson = JsonDocument.Parse(plainTrain.StandardOutput);
        Assert.Equal("none", plainJson.RootElement.GetProperty("model").GetProperty("partialVolumeCorrection").GetString());
        Assert.Equal(JsonValueKind.Null, plainJson.RootElement.GetProperty("model").GetProperty("partialVolumeFwhmMm").ValueKind);
    }

    [Theory]
    [InlineData("pvx", null, "--pvc must be one of none, gtm, rbv, not 'pvx'")]
    [InlineData("gtm", "25", "--fwhm must be more than 0 and less than 20 mm, not 25")]
    [InlineData("gtm", null, "--feature-source ideal does not describe studies measured with --pvc gtm")]
    public async Task BadPartialVolumeArgumentsAreUsageErrors(string pvc, string? fwhm, string expected)
    {
        string[] arguments = ["model", "train", "--cohort", Path.Combine(_folder, "none.csv"), "--pvc", pvc, "--feature-source", "ideal",
            .. fwhm is null ? Array.Empty<string>() : ["--fwhm", fwhm]];
        var train = await ProcessRunner.RunCliAsync(TimeSpan.FromMinutes(1), arguments);
        Assert.Equal(2, train.ExitCode);
        Assert.Contains(expected, train.StandardError, StringComparison.Ordinal);
    }

    private static IEnumerable<double> Column(string[] lines, int index) =>
        lines.Skip(1).Select(line => double.Parse(line.Split(',')[index], System.Globalization.CultureInfo.InvariantCulture));

    [Fact]
    public async Task AMissingCohortFileIsACleanInputError()
    {
        var train = await ProcessRunner.RunCliAsync(TimeSpan.FromMinutes(1), "model", "train", "--cohort", Path.Combine(_folder, "none.csv"));
        Assert.Equal(2, train.ExitCode);
        Assert.StartsWith("ampacds:", train.StandardError, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AnUnreachableServerIsAPeerErrorWithTheReason()
    {
        var address = $"http://127.0.0.1:{FreePort.Next()}";
        var list = await ProcessRunner.RunCliAsync(TimeSpan.FromMinutes(1), "model", "list", "--server", address);
        Assert.Equal(3, list.ExitCode);
        Assert.Contains($"Prediction service at {address} unreachable", list.StandardError, StringComparison.Ordinal);
    }

    [Fact]
    public async Task TheOutcomeFolderOptionIsGone()
    {
        var train = await ProcessRunner.RunCliAsync(TimeSpan.FromMinutes(1), "model", "train", "--from-outcomes", _folder);
        Assert.NotEqual(0, train.ExitCode);
    }

    public void Dispose()
    {
        if (Directory.Exists(_folder))
        {
            Directory.Delete(_folder, recursive: true);
        }
    }
}
