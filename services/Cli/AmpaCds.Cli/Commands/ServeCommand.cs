using System.CommandLine;
using AmpaCds.Cli.Embedded;
using AmpaCds.Cli.Output;
using AmpaCds.Prediction;
using AmpaCds.Reporting;
using AmpaCds.ServiceDefaults;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace AmpaCds.Cli.Commands;

/// <summary>
/// `ampacds serve`: the embedded shape with its network faces (DICOM SCP and the gateway's gRPC
/// API) for a single machine without a broker.
/// </summary>
public static class ServeCommand
{
    public static Command Create()
    {
        var data = new Option<string>("--data") { Description = "Data folder", DefaultValueFactory = _ => Path.Combine(".local", "embedded") };
        var dicomPort = new Option<int>("--dicom-port") { Description = "DICOM C-STORE SCP port", DefaultValueFactory = _ => 11112 };
        var grpcPort = new Option<int>("--grpc-port") { Description = "gRPC port of the Reporting gateway", DefaultValueFactory = _ => 5080 };
        var command = new Command("serve", "Runs all four services in one process (in-memory bus) with DICOM and gRPC on loopback")
        {
            data, dicomPort, grpcPort,
        };
        command.SetAction((parse, cancellation) => CliRunner.RunAsync(async () =>
        {
            var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions
            {
                Args = HostArguments.WithDefaults([]),
                // The embedded system is the development shape; a site deployment runs the separate hosts.
                EnvironmentName = Environments.Development,
            });
            builder.Configuration.AddInMemoryCollection(EmbeddedSystem.Settings(parse.GetValue(data)!, dicomListener: true, parse.GetValue(dicomPort)));
            builder.WebHost.ConfigureKestrel(kestrel => kestrel.ListenLocalhost(parse.GetValue(grpcPort), listen => listen.Protocols = HttpProtocols.Http2));
            builder.Services.AddAllServices(builder.Configuration);
            builder.Services.AddGrpc();
            var app = builder.Build();
            app.MapDefaultEndpoints();
            app.MapReportingApi();
            app.MapPredictionApi();
            await app.RunAsync(cancellation);
            return 0;
        }));
        return command;
    }
}
