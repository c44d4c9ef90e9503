using System.CommandLine;
using AmpaCds.Cli.Connection;
using AmpaCds.Cli.Output;
using AmpaCds.Contracts.Operations;
using Google.Protobuf;

namespace AmpaCds.Cli.Commands;

/// <summary>
/// `ampacds ops dead-letters list|replay`: the broker's dead letters for operations (role ops): messages that failed
/// every retry, with their fault, and their way back to the queue once the cause is fixed.
/// </summary>
public static class OpsCommand
{
    private static readonly JsonFormatter Formatter = new(JsonFormatter.Settings.Default.WithFormatDefaultValues(true).WithIndentation());

    public static Command Create() =>
        new("ops", "Operations: dead letters and queues (role ops; token from --token or AMPACDS_TOKEN)")
        {
            new Command("dead-letters", "Messages that failed after every retry, per consumer queue") { CreateList(), CreateReplay() },
        };

    private static Option<string> ServerOption() =>
        new("--server") { Description = "Reporting gateway address", DefaultValueFactory = _ => ReportCommand.DefaultServer };

    private static Command CreateList()
    {
        var queue = new Option<string?>("--queue") { Description = "Only this consumer queue (e.g. forecast)" };
        var json = new Option<bool>("--json") { Description = "Print queues and dead letters as JSON" };
        var server = ServerOption();
        var list = new Command("list", "Lists queue depths and each dead letter: queue, message id, type, when, exception and reason") { queue, json, server };
        list.SetAction((parse, cancellation) => CliRunner.RunAsync(async () =>
        {
            using var channel = ConnectionOptions.For(parse, parse.GetValue(server)!).OpenChannel();
            var reply = await new OperationsApi.OperationsApiClient(channel).ListDeadLettersAsync(
                new ListDeadLettersRequest { Queue = parse.GetValue(queue) ?? "" }, cancellationToken: cancellation);
            await Console.Out.WriteLineAsync(parse.GetValue(json) ? Formatter.Format(reply) : FormatListing(reply));
            return 0;
        }));
        return list;
    }

    private static Command CreateReplay()
    {
        var queue = new Option<string>("--queue") { Description = "The consumer queue whose dead letters go back (e.g. forecast)", Required = true };
        var ids = new Option<string[]>("--message-id") { Description = "Only these messages (repeat the option); default: all of the queue", AllowMultipleArgumentsPerToken = true };
        var server = ServerOption();
        var replay = new Command("replay", "Sends a queue's dead letters back to it, once their cause is fixed") { queue, ids, server };
        replay.SetAction((parse, cancellation) => CliRunner.RunAsync(async () =>
        {
            using var channel = ConnectionOptions.For(parse, parse.GetValue(server)!).OpenChannel();
            var request = new ReplayDeadLettersRequest { Queue = parse.GetValue(queue)! };
            request.MessageIds.AddRange(parse.GetValue(ids) ?? []);
            var reply = await new OperationsApi.OperationsApiClient(channel).ReplayDeadLettersAsync(request, cancellationToken: cancellation);
            await Console.Out.WriteLineAsync($"{reply.Replayed} dead letters sent back to {request.Queue}");
            if (reply.NotFound.Count > 0)
            {
                await Console.Error.WriteLineAsync($"not dead letters of {request.Queue}: {string.Join(", ", reply.NotFound)}");
                return CliRunner.InputError;
            }
            return 0;
        }));
        return replay;
    }

    /// <summary>Queues with anything waiting or failed, then one line per dead letter; or why there is nothing to read.</summary>
    public static string FormatListing(ListDeadLettersReply reply)
    {
        ArgumentNullException.ThrowIfNull(reply);
        if (!reply.Available)
        {
            return "dead letters not available: " + reply.UnavailableReason;
        }
        var lines = new List<string> { "queue\tready\tconsumers\tdead letters" };
        lines.AddRange(reply.Queues.Select(depth => string.Join('\t', depth.Queue, depth.Ready, depth.Consumers, depth.DeadLetters)));
        lines.Add(reply.DeadLetters.Count == 0 ? "no dead letters" : "queue\tmessage id\ttype\tfaulted at\texception\treason");
        lines.AddRange(reply.DeadLetters.Select(letter => string.Join('\t', letter.Queue, letter.MessageId, letter.MessageType,
            letter.FaultedAt.Length > 0 ? letter.FaultedAt : "-", letter.ExceptionType, letter.Reason)));
        return string.Join('\n', lines);
    }
}
