using System.CommandLine;
using System.Globalization;
using AmpaCds.Cli.Connection;
using AmpaCds.Cli.Output;
using AmpaCds.Contracts.Audit;
using Google.Protobuf;
using Grpc.Core;

namespace AmpaCds.Cli.Commands;

/// <summary>`ampacds audit list`: the audit trail from the Reporting gateway's AuditApi, for auditors.</summary>
public static class AuditCommand
{
    /// <summary>What `audit list` was asked for.</summary>
    public sealed record ListArguments(ServiceConnection Connection, string? PatientId, string? UserId, string? Since, int Limit, bool Json);

    public static Command Create()
    {
        var patient = new Option<string?>("--patient") { Description = "Only events about this patient ID" };
        var user = new Option<string?>("--user") { Description = "Only events this user (or client) requested" };
        var since = new Option<string?>("--since") { Description = "Only events at or after this time (RFC 3339, e.g. 2026-12-01T00:00:00Z)" };
        var limit = new Option<int>("--limit") { Description = "At most this many events, newest first (server default 100, at most 1000)", DefaultValueFactory = _ => 0 };
        var json = new Option<bool>("--json") { Description = "Print the events as JSON, with each event's DICOM audit message" };
        var server = new Option<string>("--server") { Description = "Reporting gateway address", DefaultValueFactory = _ => ReportCommand.DefaultServer };
        var list = new Command("list", "Lists audit events (role auditor; token from --token or AMPACDS_TOKEN)") { patient, user, since, limit, json, server };
        list.SetAction((parse, cancellation) => CliRunner.RunAsync(() => ListAsync(
            new ListArguments(ConnectionOptions.For(parse, parse.GetValue(server)!), parse.GetValue(patient), parse.GetValue(user),
                parse.GetValue(since), parse.GetValue(limit), parse.GetValue(json)),
            Console.Out, cancellation)));
        return new Command("audit", "Reads the audit trail") { list };
    }

    private static readonly JsonFormatter Formatter = new(JsonFormatter.Settings.Default.WithFormatDefaultValues(true).WithIndentation());

    /// <summary>Fetches and prints the events; a refusal becomes a <see cref="CliFailure"/> with exit code 3.</summary>
    public static async Task<int> ListAsync(ListArguments arguments, TextWriter output, CancellationToken cancellation)
    {
        ArgumentNullException.ThrowIfNull(arguments);
        ArgumentNullException.ThrowIfNull(output);
        using var channel = arguments.Connection.OpenChannel();
        var client = new AuditApi.AuditApiClient(channel);
        var request = new ListAuditEventsRequest
        {
            PatientId = arguments.PatientId ?? "",
            UserId = arguments.UserId ?? "",
            Since = arguments.Since ?? "",
            Limit = arguments.Limit,
        };
        ListAuditEventsReply reply;
        try
        {
            reply = await client.ListAuditEventsAsync(request, cancellationToken: cancellation);
        }
        catch (RpcException error) when (error.StatusCode == StatusCode.Unauthenticated)
        {
            throw new CliFailure("not authenticated", CliRunner.PeerError);
        }
        catch (RpcException error) when (error.StatusCode == StatusCode.PermissionDenied)
        {
            throw new CliFailure("not permitted", CliRunner.PeerError);
        }
        if (arguments.Json)
        {
            await output.WriteLineAsync(Formatter.Format(reply));
            return 0;
        }
        foreach (var item in reply.Events)
        {
            await output.WriteLineAsync(FormatLine(item));
        }
        return 0;
    }

    /// <summary>One event per line: time, kind, outcome, who from where, which patient and study, the detail.</summary>
    public static string FormatLine(AuditEventRecord item)
    {
        ArgumentNullException.ThrowIfNull(item);
        var outcome = item.Outcome == 0 ? "ok" : string.Create(CultureInfo.InvariantCulture, $"failed({item.Outcome})");
        var who = string.IsNullOrEmpty(item.NetworkAddress) ? item.UserId : $"{item.UserId}@{item.NetworkAddress}";
        return string.Join('\t', item.OccurredAt, item.Kind, outcome, who, item.Source,
            Or(item.PatientId), Or(item.StudyInstanceUid), Or(item.Detail));
    }

    private static string Or(string value) => string.IsNullOrEmpty(value) ? "-" : value;
}
