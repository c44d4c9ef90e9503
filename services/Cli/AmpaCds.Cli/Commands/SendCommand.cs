using System.CommandLine;
using System.Globalization;
using AmpaCds.Cli.Output;
using AmpaCds.Dicom.Network;

namespace AmpaCds.Cli.Commands;

/// <summary>`ampacds send DIR --to HOST:PORT`: C-STORE SCU for every DICOM file of a folder, over one association.</summary>
public static class SendCommand
{
    public static Command Create()
    {
        var folder = new Argument<string>("dir") { Description = "Folder with DICOM Part 10 files" };
        var to = new Option<string>("--to") { Description = "Peer as HOST:PORT", Required = true };
        var calledAe = new Option<string>("--called-ae") { Description = "Called AE title", DefaultValueFactory = _ => "AMPACDS" };
        var callingAe = new Option<string>("--calling-ae") { Description = "Calling AE title", DefaultValueFactory = _ => "AMPACDS_CLI" };
        var command = new Command("send", "Sends a folder of DICOM files to a peer with C-STORE") { folder, to, calledAe, callingAe };
        command.SetAction((parse, cancellation) => CliRunner.RunAsync(async () =>
        {
            var (host, port) = ParseEndpoint(parse.GetValue(to)!);
            var paths = SeriesFolder.Paths(parse.GetValue(folder)!);
            var client = new DicomClient(host, port, parse.GetValue(callingAe)!, parse.GetValue(calledAe)!);
            IReadOnlyList<CStoreResult> results;
            try
            {
                results = await client.StoreAsync(paths, cancellation);
            }
            catch (DicomAssociationRejectedException rejected)
            {
                throw new CliFailure($"association rejected by {host}:{port}: {rejected.Message}", CliRunner.PeerError);
            }
            catch (DicomNetworkException error)
            {
                throw new CliFailure($"{host}:{port}: {error.Message}", CliRunner.PeerError);
            }
            foreach (var failure in results.Where(result => !result.IsSuccess))
            {
                Console.Error.WriteLine($"ampacds: {failure.SopInstanceUid} refused with status 0x{failure.Status:X4} {failure.ErrorComment}");
            }
            var stored = results.Count(result => result.IsSuccess);
            Console.Out.WriteLine($"sent {stored} of {results.Count} instances to {host}:{port}");
            return stored == results.Count ? 0 : CliRunner.PeerError;
        }));
        return command;
    }

    private static (string Host, int Port) ParseEndpoint(string value)
    {
        var colon = value.LastIndexOf(':');
        if (colon <= 0 || !int.TryParse(value[(colon + 1)..], NumberStyles.None, CultureInfo.InvariantCulture, out var port) || port is < 1 or > 65535)
        {
            throw new CliFailure($"--to must be HOST:PORT, got '{value}'", CliRunner.InputError);
        }
        return (value[..colon], port);
    }
}
