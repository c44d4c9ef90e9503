using System.Text.Json;
using AmpaCds.Cli.Embedded;
using AmpaCds.Contracts.Reporting;
using AmpaCds.Dicom.Network;
using AmpaCds.Intake.Dimse;
using AmpaCds.Reporting.Persistence;
using AmpaCds.Reporting.Studies;
using AmpaCds.Research.Simulation;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace AmpaCds.Cli.Tests.Embedded;

/// <summary>
/// The embedded system (four services, in-memory bus) at a site that switched Quantification to GTM: the one setting
/// brings the shipped GTM normative database and model, so a study gets z-scores and a forecast; with Prediction held
/// on the uncorrected model the same study is refused with the reason.
/// </summary>
public sealed class PartialVolumeEmbeddedTests : IDisposable
{
    private const string GtmSetting = "AmpaCds:Quantification:PartialVolume:Method";
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "ampacds-pvc-embedded-" + Guid.NewGuid().ToString("N")[..8]);

    [Fact]
    public async Task A_gtm_site_gets_z_scores_and_a_forecast_from_the_shipped_gtm_database_and_model()
    {
        var (change, record) = await RunStudyAsync(seed: 23, new Dictionary<string, string?> { [GtmSetting] = "gtm" });

        Assert.True(change.Stage == PipelineStage.Reported, change.Detail);
        var uptake = record.Uptake!;
        Assert.Equal("gtm", uptake.PartialVolume!.Method);
        Assert.Equal("ampacds-synthetic-hc-gtm-1.0", uptake.NormativeDatabase!.Version);
        Assert.Null(uptake.NormativeDatabase.ZScoreIncompatibility);
        Assert.All(uptake.Regions, region => Assert.NotNull(region.ZScore));
        Assert.Equal(ShippedVersion("DefaultModelGtm"), record.Forecast!.ModelVersion);
        Assert.InRange(record.Forecast.ResponseProbability, 0, 1);
    }

    [Fact]
    public async Task A_gtm_study_is_refused_by_the_uncorrected_model_with_the_reason()
    {
        var (change, record) = await RunStudyAsync(seed: 24, new Dictionary<string, string?>
        {
            [GtmSetting] = "gtm",
            ["AmpaCds:Prediction:PartialVolumeMethod"] = "none",
        });

        Assert.Equal(PipelineStage.Failed, change.Stage);
        Assert.Equal($"prediction failed: model {ShippedVersion("DefaultModel")} was built with partial-volume correction 'none', the study was measured with 'gtm'",
            change.Detail);
        Assert.Null(record.Forecast);
    }

    private async Task<(StageChange Change, StudyRecord Record)> RunStudyAsync(int seed, IDictionary<string, string?> settings)
    {
        var root = Path.Combine(_folder, $"run-{seed}");
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true, EnvironmentName = Environments.Development });
        builder.Configuration.AddInMemoryCollection(EmbeddedSystem.Settings(Path.Combine(root, "data"), dicomListener: true, dicomPort: 0));
        builder.Configuration.AddInMemoryCollection(settings);
        builder.Services.AddAllServices(builder.Configuration);
        using var host = builder.Build();
        await host.StartAsync();
        try
        {
            var truth = PetStudySimulator.Simulate(new PetAcquisitionOptions { Seed = seed }, Path.Combine(root, "study"));
            var finished = new TaskCompletionSource<StageChange>(TaskCreationOptions.RunContinuationsAsynchronously);
            host.Services.GetRequiredService<StudyStageNotifications>().StageChanged += change =>
            {
                if (change.StudyInstanceUid == truth.StudyInstanceUid && change.Stage is PipelineStage.Reported or PipelineStage.Failed)
                {
                    finished.TrySetResult(change);
                }
            };
            var port = host.Services.GetRequiredService<DicomListenerService>().BoundPort!.Value;
            await new DicomClient("127.0.0.1", port, "STORESCU", "AMPACDS")
                .StoreAsync(Directory.GetFiles(Path.Combine(root, "study"), "*.dcm").Order(StringComparer.Ordinal));
            var change = await finished.Task.WaitAsync(TimeSpan.FromMinutes(3));
            using var scope = host.Services.CreateScope();
            var record = await scope.ServiceProvider.GetRequiredService<StudyRepository>().FindAsync(truth.StudyInstanceUid, CancellationToken.None);
            return (change, record!);
        }
        finally
        {
            await host.StopAsync();
        }
    }

    private static string? ShippedVersion(string folder) =>
        JsonDocument.Parse(File.ReadAllText(Path.Combine(AppContext.BaseDirectory, folder, "model-card.json"))).RootElement.GetProperty("version").GetString();

    public void Dispose()
    {
        if (Directory.Exists(_folder))
        {
            Directory.Delete(_folder, recursive: true);
        }
    }
}
