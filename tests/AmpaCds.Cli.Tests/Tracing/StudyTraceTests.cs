using System.Diagnostics;
using AmpaCds.Cli.Embedded;
using AmpaCds.Contracts.Reporting;
using AmpaCds.Dicom.Network;
using AmpaCds.Intake.Dimse;
using AmpaCds.Intake.Telemetry;
using AmpaCds.Persistence.Messaging;
using AmpaCds.Reporting.Studies;
using AmpaCds.Research.Simulation;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using OpenTelemetry.Trace;
using Xunit.Abstractions;

namespace AmpaCds.Cli.Tests.Tracing;

/// <summary>
/// The embedded system in this process (the four services on the in-memory bus, Intake's DICOM listener on loopback),
/// with the in-memory exporter beside the configured tracing: one simulated study sent over C-STORE must give one
/// trace that reaches every service, with no span whose parent is missing.
/// </summary>
public sealed class StudyTraceTests(ITestOutputHelper output) : IAsyncLifetime
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "ampacds-trace-" + Guid.NewGuid().ToString("N")[..8]);
    private readonly CollectedSpans _spans = [];
    private IHost _host = null!;

    public async Task InitializeAsync()
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings
        {
            DisableDefaults = true,
            EnvironmentName = Environments.Development,
        });
        builder.Configuration.AddInMemoryCollection(EmbeddedSystem.Settings(Path.Combine(_folder, "data"), dicomListener: true, dicomPort: 0));
        builder.Services.AddAllServices(builder.Configuration);
        builder.Services.ConfigureOpenTelemetryTracerProvider(tracing => tracing.AddInMemoryExporter(_spans));
        _host = builder.Build();
        await _host.StartAsync();
    }

    [Fact]
    public async Task OneStudySentOverCStoreIsOneConnectedTraceThroughTheFourServices()
    {
        var truth = PetStudySimulator.Simulate(new PetAcquisitionOptions { Seed = 21 }, Path.Combine(_folder, "study"));
        var reported = new TaskCompletionSource<StageChange>(TaskCreationOptions.RunContinuationsAsynchronously);
        _host.Services.GetRequiredService<StudyStageNotifications>().StageChanged += change =>
        {
            if (change.StudyInstanceUid == truth.StudyInstanceUid && change.Stage is PipelineStage.Reported or PipelineStage.Failed)
            {
                reported.TrySetResult(change);
            }
        };

        var port = _host.Services.GetRequiredService<DicomListenerService>().BoundPort!.Value;
        var stored = await new DicomClient("127.0.0.1", port, "STORESCU", "AMPACDS")
            .StoreAsync(Directory.GetFiles(Path.Combine(_folder, "study"), "*.dcm", SearchOption.AllDirectories).Order(StringComparer.Ordinal));
        Assert.NotEmpty(stored);
        Assert.Equal(PipelineStage.Reported, (await reported.Task.WaitAsync(TimeSpan.FromMinutes(3))).Stage);

        // The last consumers' spans end just after the stage is announced: wait (bounded) until the tree is whole.
        var trace = await StudyTraceAsync(truth.StudyInstanceUid, TimeSpan.FromSeconds(30));
        foreach (var span in trace.OrderBy(span => span.StartTimeUtc))
        {
            output.WriteLine($"{span.Source.Name,-22} {span.DisplayName,-70} {span.Duration.TotalMilliseconds,8:F1} ms  parent {span.ParentSpanId}");
        }

        var root = Assert.Single(trace, span => span.ParentSpanId == default);
        Assert.Equal(IntakeTelemetry.CStoreSpan, root.DisplayName);
        Assert.Equal(truth.StudyInstanceUid, root.GetTagItem("dicom.study_instance_uid"));
        var spanIds = trace.Select(span => span.SpanId).ToHashSet();
        Assert.All(trace.Where(span => span != root), span => Assert.Contains(span.ParentSpanId, spanIds));

        Assert.Contains(trace, span => span.DisplayName == IntakeTelemetry.AnnounceSpan);
        Assert.Contains(trace, span => span.DisplayName.StartsWith(OutboxTelemetry.PublishSpan + " PetSeriesReceived", StringComparison.Ordinal));
        var consumers = trace.Select(ConsumerType).OfType<string>().ToList();
        Assert.Contains(consumers, type => type.StartsWith("AmpaCds.Quantification.", StringComparison.Ordinal));
        Assert.Contains(consumers, type => type.StartsWith("AmpaCds.Prediction.", StringComparison.Ordinal));
        Assert.Contains(consumers, type => type.StartsWith("AmpaCds.Reporting.", StringComparison.Ordinal));
    }

    /// <summary>The spans sharing the announcement's trace, once every parent among them has ended too (or the bound passes).</summary>
    private async Task<IReadOnlyList<Activity>> StudyTraceAsync(string studyUid, TimeSpan bound)
    {
        var deadline = Stopwatch.StartNew();
        while (true)
        {
            var spans = _spans.Snapshot();
            var announce = spans.FirstOrDefault(span => span.DisplayName == IntakeTelemetry.AnnounceSpan
                && Equals(span.GetTagItem("dicom.study_instance_uid"), studyUid));
            var trace = announce is null ? [] : spans.Where(span => span.TraceId == announce.TraceId).ToList();
            var ids = trace.Select(span => span.SpanId).ToHashSet();
            var whole = trace.Count > 0 && trace.Count(span => span.ParentSpanId == default || !ids.Contains(span.ParentSpanId)) == 1;
            if (whole || deadline.Elapsed > bound)
            {
                return trace;
            }
            await Task.Delay(200);
        }
    }

    private static string? ConsumerType(Activity span) => span.GetTagItem("messaging.masstransit.consumer_type") as string;

    public async Task DisposeAsync()
    {
        await _host.StopAsync();
        _host.Dispose();
        if (Directory.Exists(_folder))
        {
            Directory.Delete(_folder, recursive: true);
        }
    }
}
