using System.CommandLine;
using AmpaCds.Cli.Connection;
using AmpaCds.Cli.Output;
using AmpaCds.Contracts.Reporting;
using Google.Protobuf;

namespace AmpaCds.Cli.Commands;

/// <summary>`ampacds pacs deliveries`: what went back to the PACS destinations, for PACS administrators (dead letters with their reasons).</summary>
public static class PacsCommand
{
    /// <summary>What `pacs deliveries` was asked for.</summary>
    public sealed record DeliveriesArguments(ServiceConnection Connection, string? StudyInstanceUid, string? State, int Limit, bool Json);

    private static readonly JsonFormatter Formatter = new(JsonFormatter.Settings.Default.WithFormatDefaultValues(true).WithIndentation());

    public static Command Create()
    {
        var study = new Option<string?>("--study") { Description = "Only this study's objects (Study Instance UID)" };
        var state = new Option<string?>("--state") { Description = "Only objects in this state: Pending, Delivered, DeadLetter, Skipped or Superseded" };
        var limit = new Option<int>("--limit") { Description = "At most this many entries, newest first (server default and maximum 500)", DefaultValueFactory = _ => 0 };
        var json = new Option<bool>("--json") { Description = "Print the entries as JSON" };
        var server = new Option<string>("--server") { Description = "Reporting gateway address", DefaultValueFactory = _ => ReportCommand.DefaultServer };
        var deliveries = new Command("deliveries", "Lists report objects sent to the PACS, one line per object and destination (role pacs-admin; token from --token or AMPACDS_TOKEN)")
        {
            study, state, limit, json, server,
        };
        deliveries.SetAction((parse, cancellation) => CliRunner.RunAsync(() => ListAsync(
            new DeliveriesArguments(ConnectionOptions.For(parse, parse.GetValue(server)!), parse.GetValue(study), parse.GetValue(state),
                parse.GetValue(limit), parse.GetValue(json)),
            Console.Out, cancellation)));
        return new Command("pacs", "Results sent back to the hospital's PACS") { deliveries, CreateReplay() };
    }

    /// <summary>`ampacds pacs replay --study UID [--destination NAME]`: the study's dead letters go back in the outbox.</summary>
    private static Command CreateReplay()
    {
        var study = new Option<string>("--study") { Description = "The study whose dead-lettered objects are sent again", Required = true };
        var destination = new Option<string?>("--destination") { Description = "Only this destination (its configured name)" };
        var server = new Option<string>("--server") { Description = "Reporting gateway address", DefaultValueFactory = _ => ReportCommand.DefaultServer };
        var replay = new Command("replay", "Sends a study's dead-lettered objects again, once the destination is fixed (role pacs-admin)")
        {
            study, destination, server,
        };
        replay.SetAction((parse, cancellation) => CliRunner.RunAsync(async () =>
        {
            using var channel = ConnectionOptions.For(parse, parse.GetValue(server)!).OpenChannel();
            var reply = await new ReportingApi.ReportingApiClient(channel).ReplayPacsDeliveriesAsync(new ReplayPacsDeliveriesRequest
            {
                StudyInstanceUid = parse.GetValue(study)!,
                Destination = parse.GetValue(destination) ?? "",
            }, cancellationToken: cancellation);
            await Console.Out.WriteLineAsync($"{reply.Replayed} dead-lettered objects put back in the outbox");
            return 0;
        }));
        return replay;
    }

    /// <summary>Fetches and prints the deliveries; refusals and bad arguments come back from the gateway with their reason (exit 3).</summary>
    public static async Task<int> ListAsync(DeliveriesArguments arguments, TextWriter output, CancellationToken cancellation)
    {
        ArgumentNullException.ThrowIfNull(arguments);
        ArgumentNullException.ThrowIfNull(output);
        using var channel = arguments.Connection.OpenChannel();
        var reply = await new ReportingApi.ReportingApiClient(channel).ListPacsDeliveriesAsync(new ListPacsDeliveriesRequest
        {
            StudyInstanceUid = arguments.StudyInstanceUid ?? "",
            State = arguments.State ?? "",
            Limit = arguments.Limit,
        }, cancellationToken: cancellation);
        if (arguments.Json)
        {
            await output.WriteLineAsync(Formatter.Format(reply));
            return 0;
        }
        foreach (var delivery in reply.Deliveries)
        {
            await output.WriteLineAsync(FormatLine(delivery));
        }
        return 0;
    }

    /// <summary>One object per line: study, version, destination, object, state, attempts, when, the reason.</summary>
    public static string FormatLine(PacsDelivery delivery)
    {
        ArgumentNullException.ThrowIfNull(delivery);
        var when = delivery.DeliveredAt.Length > 0 ? delivery.DeliveredAt : delivery.NextAttemptAt.Length > 0 ? "next " + delivery.NextAttemptAt : delivery.CreatedAt;
        return string.Join('\t', delivery.StudyInstanceUid, "v" + delivery.ReportVersion, delivery.Destination, delivery.ObjectKind, delivery.State,
            delivery.Attempts, when, delivery.Reason.Length > 0 ? delivery.Reason : "-");
    }
}
