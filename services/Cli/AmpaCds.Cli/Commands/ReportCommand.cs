using System.CommandLine;
using AmpaCds.Cli.Connection;
using AmpaCds.Cli.Output;
using AmpaCds.Contracts.Reporting;
using AmpaCds.ServiceDefaults.Storage;
using Google.Protobuf;
using Grpc.Core;
using Grpc.Net.Client;

namespace AmpaCds.Cli.Commands;

/// <summary>`ampacds report --study UID [--format json|html|pdf] [--lang en|ja] [--out FILE]`: fetches a report through the gateway's gRPC API, waiting for it if asked.</summary>
public static class ReportCommand
{
    public const string DefaultServer = "http://127.0.0.1:5080";
    public const int StudyFailed = 4;
    public const int NotReady = 5;

    public static Command Create(TimeProvider clock)
    {
        var study = new Option<string>("--study") { Description = "Study Instance UID", Required = true };
        var server = new Option<string>("--server") { Description = "Reporting gateway address", DefaultValueFactory = _ => DefaultServer };
        var wait = new Option<double>("--wait") { Description = "Seconds to wait for the report to be ready", DefaultValueFactory = _ => 0 };
        var format = new Option<string>("--format") { Description = "json, html or pdf (pdf needs --out)", DefaultValueFactory = _ => "json" };
        var language = new Option<string>("--lang") { Description = "Language of the html and pdf report: en or ja", DefaultValueFactory = _ => "en" };
        var output = new Option<string?>("--out") { Description = "Write the report to this file instead of standard output" };
        var command = new Command("report", "Fetches the report of a study from the Reporting gateway") { study, server, wait, format, language, output };
        command.SetAction((parse, cancellation) => CliRunner.RunAsync(async () =>
        {
            var arguments = ReportRequestArguments.Parse(parse.GetValue(format)!, parse.GetValue(language), parse.GetValue(output));
            var report = await FetchAsync(ConnectionOptions.For(parse, parse.GetValue(server)!), parse.GetValue(study)!, parse.GetValue(wait),
                arguments, clock, cancellation);
            await WriteAsync(report, arguments, cancellation);
            return 0;
        }));
        return command;
    }

    private static async Task WriteAsync(Report report, ReportRequestArguments arguments, CancellationToken cancellation)
    {
        if (arguments.Format == ReportFormat.Pdf)
        {
            if (report.Pdf.IsEmpty)
            {
                throw new CliFailure("the gateway sent no PDF (is it older than this CLI?)", CliRunner.PeerError);
            }
            await DurableFile.WriteAllBytesAsync(arguments.OutputFile!, report.Pdf.Memory, cancellation);
            return;
        }
        var text = arguments.Format == ReportFormat.Html ? report.Html : Formatter.Format(report);
        if (arguments.OutputFile is { } file)
        {
            await DurableFile.WriteAllTextAsync(file, text, cancellation);
            return;
        }
        Console.Out.WriteLine(text);
    }

    private static readonly JsonFormatter Formatter = new(JsonFormatter.Settings.Default.WithFormatDefaultValues(true).WithIndentation());

    public static async Task<Report> FetchAsync(ServiceConnection server, string studyUid, double waitSeconds, ReportRequestArguments arguments, TimeProvider clock,
        CancellationToken cancellation)
    {
        using var channel = server.OpenChannel();
        var client = new ReportingApi.ReportingApiClient(channel);
        var deadline = clock.GetUtcNow().UtcDateTime.AddSeconds(Math.Max(0, waitSeconds));
        var request = new GetReportRequest { StudyInstanceUid = studyUid, Format = arguments.Format, Language = arguments.Language };
        while (true)
        {
            try
            {
                return await client.GetReportAsync(request, cancellationToken: cancellation);
            }
            catch (RpcException error) when (error.StatusCode == StatusCode.FailedPrecondition && error.Status.Detail.StartsWith("study failed", StringComparison.Ordinal))
            {
                throw new CliFailure(error.Status.Detail, StudyFailed);
            }
            catch (RpcException error) when (error.StatusCode is StatusCode.NotFound or StatusCode.FailedPrecondition or StatusCode.Unavailable)
            {
                if (clock.GetUtcNow().UtcDateTime >= deadline)
                {
                    throw new CliFailure(error.Status.Detail, error.StatusCode == StatusCode.Unavailable ? CliRunner.PeerError : NotReady);
                }
                await WaitForProgressAsync(client, studyUid, error.StatusCode, deadline, cancellation);
            }
        }
    }

    /// <summary>Follows the study's stage stream when the study is known; otherwise polls until it appears.</summary>
    private static async Task WaitForProgressAsync(ReportingApi.ReportingApiClient client, string studyUid, StatusCode lastError, DateTime deadline, CancellationToken cancellation)
    {
        if (lastError != StatusCode.FailedPrecondition)
        {
            await Task.Delay(TimeSpan.FromMilliseconds(250), cancellation);
            return;
        }
        try
        {
            using var watch = client.WatchStudy(new WatchStudyRequest { StudyInstanceUid = studyUid }, deadline: deadline, cancellationToken: cancellation);
            await foreach (var update in watch.ResponseStream.ReadAllAsync(cancellation))
            {
                if (update.Stage is PipelineStage.Reported or PipelineStage.Failed)
                {
                    return;
                }
            }
        }
        catch (RpcException error) when (error.StatusCode is StatusCode.DeadlineExceeded or StatusCode.NotFound)
        {
        }
    }
}
