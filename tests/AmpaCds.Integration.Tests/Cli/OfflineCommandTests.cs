using System.Text.Json;
using AmpaCds.Integration.Tests.Support;
using Xunit.Abstractions;

namespace AmpaCds.Integration.Tests.Cli;

/// <summary>`simulate`, `inspect` and `quantify` as processes, checked against the simulation's truth.</summary>
public sealed class OfflineCommandTests(ITestOutputHelper output) : IDisposable
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "ampacds-cli-" + Guid.NewGuid().ToString("N")[..8]);

    [Fact]
    public async Task SimulateThenInspectReportsTheSeriesAsWritten()
    {
        var study = Path.Combine(_folder, "study");
        var simulate = await ProcessRunner.RunCliAsync(TimeSpan.FromMinutes(2), "simulate", "--out", study, "--seed", "5", "--group", "hc");
        Assert.True(simulate.ExitCode == 0, simulate.ToString());
        var truth = AmpaCds.Research.Simulation.PetStudySimulator.ReadTruth(study);
        Assert.Equal("Healthy", truth.Subject.Group);

        var inspect = await ProcessRunner.RunCliAsync(TimeSpan.FromMinutes(1), "inspect", study, "--json");
        Assert.True(inspect.ExitCode == 0, inspect.ToString());
        using var json = JsonDocument.Parse(inspect.StandardOutput);
        var root = json.RootElement;
        Assert.Equal(truth.StudyInstanceUid, root.GetProperty("studyInstanceUid").GetString());
        Assert.Equal("PT", root.GetProperty("modality").GetString());
        Assert.Equal(90, root.GetProperty("numberOfInstances").GetInt32());
        Assert.Equal("BQML", root.GetProperty("units").GetString());
        Assert.Equal("START", root.GetProperty("decayCorrection").GetString());
        Assert.Equal(1220.04, root.GetProperty("halfLifeSeconds").GetDouble(), 6);
        Assert.Equal(truth.PatientWeightKg, root.GetProperty("patientWeightKg").GetDouble(), 6);
        // The simulator wrote the factor it used; the header round trip must give it back to 1e-6.
        Assert.Equal(1, root.GetProperty("suvBodyWeightFactor").GetDouble() / truth.SuvBodyWeightFactor, 6);
        Assert.Equal(new[] { 2.0, 2.0, 2.0 }, root.GetProperty("geometry").GetProperty("spacingMm").EnumerateArray().Select(v => v.GetDouble()));
    }

    [Fact]
    public async Task QuantifyWithGtmMeasuresThePaintedTruthAndSaysSo()
    {
        var (study, truth) = SimulatedStudy.Write(seed: 10, _folder);
        var quantify = await ProcessRunner.RunCliAsync(TimeSpan.FromMinutes(2), "quantify", study, "--json", "--pvc", "gtm", "--fwhm", "5");
        Assert.True(quantify.ExitCode == 0, quantify.ToString());
        using var json = JsonDocument.Parse(quantify.StandardOutput);
        var root = json.RootElement;
        var correction = root.GetProperty("partialVolume");
        Assert.Equal("gtm", correction.GetProperty("method").GetString());
        Assert.Equal(5, correction.GetProperty("fwhmMm").GetDouble());
        // Under gtm the shipped GTM database is chosen: z-scores, no incompatibility.
        var database = root.GetProperty("normativeDatabase");
        Assert.Equal("ampacds-synthetic-hc-gtm-1.0", database.GetProperty("version").GetString());
        Assert.Equal(JsonValueKind.Null, database.GetProperty("zScoreIncompatibility").ValueKind);
        Assert.All(root.GetProperty("regions").EnumerateArray(), region => Assert.Equal(JsonValueKind.Number, region.GetProperty("zScore").ValueKind));
        var errors = root.GetProperty("regions").EnumerateArray()
            .Select(region => Math.Abs(region.GetProperty("suvr").GetDouble() / truth.TrueSuvr[region.GetProperty("name").GetString()!] - 1)).ToList();
        output.WriteLine($"GTM mean |error| vs trueSuvr {errors.Average():P2}, max {errors.Max():P2}");
        Assert.True(errors.Average() < 0.03, $"mean {errors.Average():P2}");

        // rbv has no shipped database: the uncorrected one refuses with the reason.
        var rbv = await ProcessRunner.RunCliAsync(TimeSpan.FromMinutes(2), "quantify", study, "--json", "--pvc", "rbv");
        Assert.True(rbv.ExitCode == 0, rbv.ToString());
        using var rbvJson = JsonDocument.Parse(rbv.StandardOutput);
        Assert.Equal("normative database ampacds-synthetic-hc-1.0 was built with partial-volume correction 'none', the study was measured with 'rbv'",
            rbvJson.RootElement.GetProperty("normativeDatabase").GetProperty("zScoreIncompatibility").GetString());

        var invalid = await ProcessRunner.RunCliAsync(TimeSpan.FromMinutes(1), "quantify", study, "--json", "--pvc", "pvx");
        Assert.Equal(2, invalid.ExitCode);
        Assert.Contains("--pvc must be one of none, gtm, rbv, not 'pvx'", invalid.StandardError, StringComparison.Ordinal);
    }

    [Fact]
    public async Task QuantifyMeasuresSuvrCloseToTheTruth()
    {
        var (study, truth) = SimulatedStudy.Write(seed: 9, _folder);
        var quantify = await ProcessRunner.RunCliAsync(TimeSpan.FromMinutes(2), "quantify", study, "--json");
        Assert.True(quantify.ExitCode == 0, quantify.ToString());
        using var json = JsonDocument.Parse(quantify.StandardOutput);
        var root = json.RootElement;
        Assert.True(root.GetProperty("registration").GetProperty("passed").GetBoolean());
        Assert.Equal("ampacds-synthetic-hc-1.0", root.GetProperty("normativeDatabase").GetProperty("version").GetString());
        Assert.True(root.GetProperty("normativeDatabase").GetProperty("synthetic").GetBoolean());
        Assert.True(root.GetProperty("registration").GetProperty("similarity").GetDouble() >= 0.85);
        Assert.All(root.GetProperty("regions").EnumerateArray(), region => Assert.True(double.IsFinite(region.GetProperty("zScore").GetDouble())));
        Assert.Equal(1, root.GetProperty("suvBodyWeightFactor").GetDouble() / truth.SuvBodyWeightFactor, 6);
        foreach (var region in root.GetProperty("regions").EnumerateArray())
        {
            var name = region.GetProperty("name").GetString()!;
            var suvr = region.GetProperty("suvr").GetDouble();
            output.WriteLine($"{name}: {suvr:F4} vs {truth.ExpectedMeasuredSuvr[name]:F4}");
            Assert.True(Math.Abs(suvr / truth.ExpectedMeasuredSuvr[name] - 1) < 0.06, $"{name}: {suvr} vs {truth.ExpectedMeasuredSuvr[name]}");
        }
    }

    [Fact]
    public async Task InspectOfAMissingFolderFailsWithAClearMessage()
    {
        var inspect = await ProcessRunner.RunCliAsync(TimeSpan.FromMinutes(1), "inspect", Path.Combine(_folder, "nowhere"), "--json");
        Assert.Equal(2, inspect.ExitCode);
        Assert.Contains("does not exist", inspect.StandardError, StringComparison.Ordinal);
        Assert.Empty(inspect.StandardOutput);
    }

    [Fact]
    public async Task QuantifyOfATruncatedFileNamesTheFile()
    {
        var (study, _) = SimulatedStudy.Write(seed: 10, _folder);
        var victim = Directory.GetFiles(study, "*.dcm").Order(StringComparer.Ordinal).First();
        var bytes = await File.ReadAllBytesAsync(victim);
        await File.WriteAllBytesAsync(victim, bytes[..(bytes.Length / 2)]);
        var quantify = await ProcessRunner.RunCliAsync(TimeSpan.FromMinutes(1), "quantify", study, "--json");
        Assert.Equal(2, quantify.ExitCode);
        Assert.Contains(Path.GetFileName(victim), quantify.StandardError, StringComparison.Ordinal);
    }

    [Fact]
    public async Task UnknownArgumentsAreRefused()
    {
        var result = await ProcessRunner.RunCliAsync(TimeSpan.FromMinutes(1), "simulate", "--out", _folder, "--group", "martian");
        Assert.NotEqual(0, result.ExitCode);
        Assert.Contains("martian", result.StandardError, StringComparison.Ordinal);
    }

    public void Dispose()
    {
        if (Directory.Exists(_folder))
        {
            Directory.Delete(_folder, recursive: true);
        }
    }
}
