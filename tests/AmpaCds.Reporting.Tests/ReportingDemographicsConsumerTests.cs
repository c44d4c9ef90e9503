using System.Text;
using AmpaCds.Contracts.Messages;
using AmpaCds.Contracts.Reporting;
using AmpaCds.Reporting.Consumers;
using AmpaCds.Reporting.Studies;
using AmpaCds.ServiceDefaults.Storage;
using MassTransit;
using MassTransit.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace AmpaCds.Reporting.Tests;

/// <summary>The header the report shows comes from Intake's message, whichever order it arrives in relative to the results.</summary>
public sealed class ReportingDemographicsConsumerTests : IAsyncDisposable
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "ampacds-demographics-" + Guid.NewGuid().ToString("N")[..8]);
    private readonly ServiceProvider _provider;
    private readonly StudyRecordStore _store;

    public ReportingDemographicsConsumerTests()
    {
        _store = new StudyRecordStore(Path.Combine(_folder, "studies"));
        _provider = new ServiceCollection()
            .AddLogging()
            .AddSingleton(_store)
            .AddSingleton<IBlobStore>(new FileSystemBlobStore(Path.Combine(_folder, "blobs")))
            .AddSingleton<ReportPublisher>()
            .AddMassTransitTestHarness(bus => bus.AddConsumer<ReportingDemographicsConsumer>())
            .BuildServiceProvider(validateScopes: true);
    }

    [Fact]
    public async Task Demographics_after_the_results_render_the_report_with_them()
    {
        var harness = _provider.GetRequiredService<ITestHarness>();
        await harness.Start();
        _store.Update("1.2.3", _ => StudyRecords.Complete() with { Patient = null, Stage = PipelineStage.Forecast });

        await harness.Bus.Publish(new StudyDemographicsCaptured(StudyRecords.Run, "1.2.3", "1.2.3.4", "Yamada^Tarou", "P-77", "20260115", "K-2 PET"));

        Assert.True(await harness.GetConsumerHarness<ReportingDemographicsConsumer>().Consumed.Any<StudyDemographicsCaptured>());
        var record = _store.Find("1.2.3")!;
        Assert.Equal(new PatientHeader("Yamada^Tarou", "P-77", "20260115", "K-2 PET"), record.Patient);
        Assert.Equal(PipelineStage.Reported, record.Stage);
        var html = Encoding.UTF8.GetString(await _provider.GetRequiredService<IBlobStore>().GetAsync(record.ReportBlobKey!));
        Assert.Contains("P-77", html);
        Assert.Contains("K-2 PET", html);
    }

    [Fact]
    public async Task Demographics_before_the_results_are_kept_and_no_report_is_rendered_yet()
    {
        var harness = _provider.GetRequiredService<ITestHarness>();
        await harness.Start();

        await harness.Bus.Publish(new StudyDemographicsCaptured(StudyRecords.Run, "1.2.3", "1.2.3.4", "Yamada^Tarou", "P-77", "20260115", "K-2 PET"));

        Assert.True(await harness.GetConsumerHarness<ReportingDemographicsConsumer>().Consumed.Any<StudyDemographicsCaptured>());
        var record = _store.Find("1.2.3")!;
        Assert.Equal("P-77", record.Patient!.PatientId);
        Assert.Null(record.ReportBlobKey);
        Assert.NotEqual(PipelineStage.Reported, record.Stage);
    }

    public async ValueTask DisposeAsync()
    {
        await _provider.DisposeAsync();
        if (Directory.Exists(_folder))
        {
            Directory.Delete(_folder, recursive: true);
        }
    }
}
