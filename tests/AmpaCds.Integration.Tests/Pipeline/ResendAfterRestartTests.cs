using AmpaCds.Integration.Tests.Support;
using Xunit.Abstractions;

namespace AmpaCds.Integration.Tests.Pipeline;

/// <summary>
/// Exactly one effect per input on the distributed shape: Intake is killed (SIGKILL) while a study is half
/// sent, restarted, and the PACS re-sends every study. Each study must end with one report version and one
/// forecast record, however many times its instances arrived.
/// </summary>
[Collection(DistributedCollection.Name)]
public sealed class ResendAfterRestartTests(DistributedSystem system, ITestOutputHelper output)
{
    /// <summary>
    /// Three studies in the suite; AMPACDS_RESEND_STUDIES=16 reproduces the measurement in docs/MEASUREMENTS.md. Seeds from 41:
    /// other tests of the shared system send seeds 7-31, and a study already sent another way is, rightly, a second version.
    /// </summary>
    private static readonly int[] Seeds = Enumerable.Range(41,
        int.TryParse(Environment.GetEnvironmentVariable("AMPACDS_RESEND_STUDIES"), out var count) && count >= 2 ? count : 3).ToArray();

    [Fact]
    public async Task StudiesResentAfterAnIntakeKillHaveOneReportVersionAndOneForecastEach()
    {
        var studies = Seeds.Select(seed => SimulatedStudy.Write(seed, system.Folder)).ToList();
        foreach (var (folder, truth) in studies.SkipLast(1))
        {
            var sent = await SimulatedStudy.SendWithStorescuAsync(folder, system.DicomPort);
            Assert.True(sent.ExitCode == 0, sent.ToString());
            await WaitForReportAsync(truth.StudyInstanceUid);
        }

        // The last study is half sent when Intake dies: the series is incomplete by its Number of Slices.
        var (lastFolder, lastTruth) = studies[^1];
        var firstHalf = Path.Combine(system.Folder, "first-half");
        Directory.CreateDirectory(firstHalf);
        var files = Directory.GetFiles(lastFolder, "*.dcm").Order(StringComparer.Ordinal).ToList();
        foreach (var file in files.Take(files.Count / 2))
        {
            File.Copy(file, Path.Combine(firstHalf, Path.GetFileName(file)));
        }
        var half = await SimulatedStudy.SendWithStorescuAsync(firstHalf, system.DicomPort);
        Assert.True(half.ExitCode == 0, half.ToString());
        await system.KillAsync("Intake");
        await system.StartAsync("Intake");

        // The PACS re-sends everything, as it does after losing its peer.
        foreach (var (folder, _) in studies)
        {
            var resent = await SimulatedStudy.SendWithStorescuAsync(folder, system.DicomPort);
            Assert.True(resent.ExitCode == 0, resent.ToString());
        }
        await WaitForReportAsync(lastTruth.StudyInstanceUid);
        await system.WaitUntilQueuesIdleAsync(TimeSpan.FromMinutes(5));

        foreach (var (_, truth) in studies)
        {
            var report = await ReportClient.WaitForReportAsync(system.GrpcAddress, truth.StudyInstanceUid, TimeSpan.FromSeconds(30), system.Trust, system.Token);
            output.WriteLine($"{truth.StudyInstanceUid}: {report.Versions.Count} version(s): " +
                string.Join("; ", report.Versions.Select(v => $"v{v.Version} {v.InputHash[..12]} {v.ModelVersion} {v.ChangeSummary}")));
            Assert.Single(report.Versions);
            Assert.Equal(64, report.Versions[0].InputHash.Length);
            var forecasts = await PostgresQuery.ScalarAsync(system.Databases["prediction"],
                $"select count(*) from \"IssuedForecasts\" where \"SubjectKey\" = '{truth.StudyInstanceUid}'");
            Assert.Equal(1, forecasts);
        }
    }

    private async Task WaitForReportAsync(string studyUid)
    {
        try
        {
            await ReportClient.WaitForReportAsync(system.GrpcAddress, studyUid, TimeSpan.FromMinutes(3), system.Trust, system.Token);
        }
        catch (Exception error)
        {
            throw new Xunit.Sdk.XunitException($"{error.Message}\n{system.Logs}");
        }
    }
}
