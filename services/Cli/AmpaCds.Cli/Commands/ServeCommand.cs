using System.CommandLine;
using AmpaCds.Cli.Embedded;
using AmpaCds.Cli.Output;

namespace AmpaCds.Cli.Commands;

/// <summary>
/// `ampacds serve`: the embedded shape with its network faces (DICOM SCP, the gateway's gRPC API, the portal and
/// the token issuer) for a single machine without a broker.
/// </summary>
public static class ServeCommand
{
    public static Command Create()
    {
        var data = new Option<string>("--data") { Description = "Data folder", DefaultValueFactory = _ => Path.Combine(".local", "embedded") };
        var dicomPort = new Option<int>("--dicom-port") { Description = "DICOM C-STORE SCP port", DefaultValueFactory = _ => 11112 };
        var grpcPort = new Option<int>("--grpc-port") { Description = "gRPC port of the Reporting gateway", DefaultValueFactory = _ => 5080 };
        var httpPort = new Option<int>("--http-port") { Description = "HTTP port: token issuer (/connect/token), portal sign-in and health", DefaultValueFactory = _ => 5180 };
        var command = new Command("serve", "Runs all four services in one process (in-memory bus) with DICOM, gRPC and the token issuer on loopback; "
            + "users come from DATA/auth/users.json (ampacds auth add-user)")
        {
            data, dicomPort, grpcPort, httpPort,
        };
        command.SetAction((parse, cancellation) => CliRunner.RunAsync(async () =>
        {
            await EmbeddedServer.RunAsync(parse.GetValue(data)!,
                new EmbeddedServer.Ports(parse.GetValue(dicomPort), parse.GetValue(grpcPort), parse.GetValue(httpPort)),
                ports => Console.Out.WriteLine($"ampacds: serving; portal {ports.PortalAddress}, DICOM 127.0.0.1:{ports.Dicom} (AE AMPACDS), gRPC http://127.0.0.1:{ports.Grpc}"),
                cancellation);
            return 0;
        }));
        return command;
    }
}
