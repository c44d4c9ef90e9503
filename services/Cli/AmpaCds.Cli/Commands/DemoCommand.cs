using System.CommandLine;
using System.Diagnostics;
using AmpaCds.Cli.Embedded;
using AmpaCds.Cli.Output;
using AmpaCds.Contracts.Reporting;
using AmpaCds.Intake.Import;
using AmpaCds.Reporting.Api;
using AmpaCds.Reporting.Persistence;
using AmpaCds.Reporting.Studies;
using AmpaCds.Research.Simulation;
using AmpaCds.Reporting.Figures;
using AmpaCds.Reporting.Localization;
using AmpaCds.Dicom;
using AmpaCds.Reporting.PacsExport;
using AmpaCds.Reporting.Pdf;
using AmpaCds.Reporting.Portal;
using Google.Protobuf;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace AmpaCds.Cli.Commands;

/// <summary>
/// `ampacds demo`: the main job. Simulates a patient's study, runs it through the same service
/// code on the in-memory bus in this one process, and writes the report. No broker, no network.
/// </summary>
public static class DemoCommand
{
    public static Command Create()
    {
        var output = new Option<string>("--out") { Description = "Folder for the study, the data and the report", DefaultValueFactory = _ => Path.Combine("out", "demo") };
        var seed = new Option<int>("--seed") { Description = "Seed of the synthetic patient", DefaultValueFactory = _ => 1 };
        var timeout = new Option<double>("--timeout") { Description = "Seconds to wait for the report", DefaultValueFactory = _ => 300 };
        var serve = new Option<bool>("--serve") { Description = "Then keep serving the portal (and DICOM, gRPC) on loopback with the demo's data, until stopped" };
        var httpPort = new Option<int>("--http-port") { Description = "With --serve: HTTP port of the portal and the token issuer", DefaultValueFactory = _ => 5180 };
        var command = new Command("demo", "Synthetic patient in, report out (HTML, PDF, JSON), all in one process") { output, seed, timeout, serve, httpPort };
        command.SetAction((parse, cancellation) => CliRunner.RunAsync(async () =>
        {
            var folder = Path.GetFullPath(parse.GetValue(output)!);
            var status = await RunAsync(folder, parse.GetValue(seed), TimeSpan.FromSeconds(parse.GetValue(timeout)), cancellation);
            return status != 0 || !parse.GetValue(serve) ? status : await DemoServer.ServeAsync(folder, parse.GetValue(httpPort), cancellation);
        }));
        return command;
    }

    private static async Task<int> RunAsync(string outputFolder, int seed, TimeSpan timeout, CancellationToken cancellation)
    {
        var clock = Stopwatch.StartNew();
        var studyFolder = Path.Combine(outputFolder, "study");
        if (Directory.Exists(outputFolder))
        {
            Directory.Delete(outputFolder, recursive: true);
        }
        Console.Out.WriteLine($"[{clock.Elapsed.TotalSeconds,5:F1}s] simulating a [11C]K-2 PET study (seed {seed})");
        var truth = PetStudySimulator.Simulate(new PetAcquisitionOptions { Seed = seed }, studyFolder);

        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings
        {
            DisableDefaults = true,
            // The embedded system is the development shape (local folders, synthetic data): the
            // development patient-key secret is accepted here and only here.
            EnvironmentName = Environments.Development,
        });
        builder.Configuration.AddInMemoryCollection(EmbeddedSystem.Settings(Path.Combine(outputFolder, "data"), dicomListener: false));
        builder.Logging.AddSimpleConsole(console => console.SingleLine = true).SetMinimumLevel(LogLevel.Warning);
        builder.Services.AddAllServices(builder.Configuration);
        using var host = builder.Build();
        var finished = new TaskCompletionSource<StageChange>(TaskCreationOptions.RunContinuationsAsynchronously);
        host.Services.GetRequiredService<StudyStageNotifications>().StageChanged += change =>
        {
            Console.Out.WriteLine($"[{clock.Elapsed.TotalSeconds,5:F1}s] stage {change.Stage}: {change.Detail}");
            if (change.Stage is PipelineStage.Reported or PipelineStage.Failed)
            {
                finished.TrySetResult(change);
            }
        };
        await host.StartAsync(cancellation);
        Console.Out.WriteLine($"[{clock.Elapsed.TotalSeconds,5:F1}s] services started (embedded, in-memory bus); importing the series");
        var refused = await host.Services.GetRequiredService<FolderImporter>().ImportAsync(studyFolder, cancellation);
        foreach (var (path, rejection) in refused)
        {
            Console.Error.WriteLine($"ampacds: {Path.GetFileName(path)} refused (0x{rejection.Status:X4}): {rejection.Reason}");
        }

        var final = await finished.Task.WaitAsync(timeout, cancellation);
        StudyRecord record;
        // Announced after the commit, so the record read here holds the final stage.
        await using (var scope = host.Services.CreateAsyncScope())
        {
            record = await scope.ServiceProvider.GetRequiredService<StudyRepository>().FindAsync(final.StudyInstanceUid, cancellation)
                ?? throw new CliFailure($"study {final.StudyInstanceUid} was announced but has no record");
        }
        if (record.Stage == PipelineStage.Failed)
        {
            throw new CliFailure($"the study failed: {record.StageDetail}");
        }
        await using (var scope = host.Services.CreateAsyncScope())
        {
            await WriteDocumentsAsync(scope.ServiceProvider, record, outputFolder, cancellation);
        }
        await host.StopAsync(CancellationToken.None);
        return WriteSummary(record, truth, outputFolder, clock);
    }

    /// <summary>The report as a reader gets it from the portal: standalone HTML with its images, the PDF, and the JSON record.</summary>
    private static async Task WriteDocumentsAsync(IServiceProvider services, StudyRecord record, string outputFolder, CancellationToken cancellation)
    {
        var html = await services.GetRequiredService<ReportExport>().RenderHtmlAsync(record, UiLanguage.English, cancellation);
        await File.WriteAllTextAsync(Path.Combine(outputFolder, "report.html"), html, cancellation);
        var pdf = await ReportPdfWriter.RenderAsync(record, UiLanguage.English, services.GetRequiredService<IReportFigures>(),
            services.GetRequiredService<TimeProvider>().GetUtcNow(), cancellation);
        await File.WriteAllBytesAsync(Path.Combine(outputFolder, "report.pdf"), pdf, cancellation);
        await File.WriteAllTextAsync(Path.Combine(outputFolder, "report.json"),
            new JsonFormatter(JsonFormatter.Settings.Default.WithIndentation()).Format(ReportMapper.ToReport(record)), cancellation);
        await WritePacsObjectsAsync(services, record, Path.Combine(outputFolder, "pacs"), cancellation);
    }

    /// <summary>
    /// What a configured PACS destination would receive for this report version (structured report, Encapsulated PDF,
    /// key images), as Part 10 files a PACS administrator can open with their own tools (dsrdump, dciodvfy, a viewer).
    /// </summary>
    private static async Task WritePacsObjectsAsync(IServiceProvider services, StudyRecord record, string folder, CancellationToken cancellation)
    {
        Directory.CreateDirectory(folder);
        var version = record.Versions.Single(other => other.Version == record.ReportVersion);
        var objects = await services.GetRequiredService<PacsObjectBuilder>().BuildAsync(record, SourceImages.Of(record), UiLanguage.English,
            version.CreatedAt, cancellation);
        foreach (var item in objects)
        {
            await File.WriteAllBytesAsync(Path.Combine(folder, item.Kind + ".dcm"), item.ToPart10Bytes(), cancellation);
        }
    }

    private static int WriteSummary(StudyRecord record, SimulationTruth truth, string outputFolder, Stopwatch clock)
    {
        var htmlPath = Path.Combine(outputFolder, "report.html");
        var jsonPath = Path.Combine(outputFolder, "report.json");
        var forecast = record.Forecast!;
        var errors = record.Uptake!.Regions
            .Where(region => truth.ExpectedMeasuredSuvr.ContainsKey(region.Name))
            .Select(region => Math.Abs(region.Suvr / truth.ExpectedMeasuredSuvr[region.Name] - 1))
            .ToList();
        Console.Out.WriteLine($"[{clock.Elapsed.TotalSeconds,5:F1}s] report ready");
        Console.Out.WriteLine($"  forecast: response probability {forecast.ResponseProbability:P0}, expected MADRS change {forecast.ExpectedMadrsChangePercent:F0} %, model {forecast.ModelVersion}");
        Console.Out.WriteLine($"  registration similarity {record.Uptake.Registration.Similarity:F3}; SUVR error against the simulation's truth: mean {errors.Average():P1}, max {errors.Max():P1}");
        Console.Out.WriteLine($"  report: {htmlPath}");
        Console.Out.WriteLine($"  report (PDF): {Path.Combine(outputFolder, "report.pdf")}");
        Console.Out.WriteLine($"  report (JSON): {jsonPath}");
        Console.Out.WriteLine($"  for the PACS (SR, PDF, key images): {Path.Combine(outputFolder, "pacs")}");
        return 0;
    }
}
