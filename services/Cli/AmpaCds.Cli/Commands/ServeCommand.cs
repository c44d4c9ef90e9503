using System.CommandLine;
using AmpaCds.Cli.Embedded;
using AmpaCds.Cli.Output;
using AmpaCds.Prediction;
using AmpaCds.Quantification.Api;
using AmpaCds.Reporting;
using AmpaCds.Reporting.Identity;
using AmpaCds.Reporting.Portal;
using AmpaCds.Reporting.Portal.Authentication;
using AmpaCds.Security.Access;
using AmpaCds.Security.Transport;
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
        var httpPort = new Option<int>("--http-port") { Description = "HTTP port: token issuer (/connect/token), portal sign-in and health", DefaultValueFactory = _ => 5180 };
        var command = new Command("serve", "Runs all four services in one process (in-memory bus) with DICOM, gRPC and the token issuer on loopback; "
            + "users come from DATA/auth/users.json (ampacds auth add-user)")
        {
            data, dicomPort, grpcPort, httpPort,
        };
        command.SetAction((parse, cancellation) => CliRunner.RunAsync(async () =>
        {
            var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions
            {
                Args = HostArguments.WithDefaults([]),
                // The embedded system is the development shape; a site deployment runs the separate hosts.
                EnvironmentName = Environments.Development,
            });
            var dataRoot = parse.GetValue(data)!;
            builder.Configuration.AddInMemoryCollection(EmbeddedSystem.Settings(dataRoot, dicomListener: true, parse.GetValue(dicomPort)));
            builder.Configuration.AddInMemoryCollection(EmbeddedSystem.LocalIssuerSettings(parse.GetValue(httpPort)));
            builder.Configuration.AddLocalIssuerUsersFile(Path.Combine(dataRoot, "auth", "users.json"));
            builder.WebHost.ConfigureKestrel(kestrel =>
            {
                kestrel.ListenLocalhost(parse.GetValue(grpcPort), listen => listen.Protocols = HttpProtocols.Http2);
                kestrel.ListenLocalhost(parse.GetValue(httpPort), listen => listen.Protocols = HttpProtocols.Http1);
            });
            builder.Services.AddAllServices(builder.Configuration);
            builder.Services.AddAmpaCdsAuthentication(builder.Configuration);
            // Plain HTTP is allowed here only because serve runs as Development on loopback (docs/SECURITY.md, "Transport").
            builder.Services.AddAmpaCdsTransport(builder.Configuration);
            builder.Services.AddLocalIssuer(builder.Configuration, builder.Environment);
            builder.Services.AddPortalAuthentication(builder.Configuration);
            builder.Services.AddGrpc();
            var app = builder.Build();
            app.UseAmpaCdsAuthentication();
            app.MapDefaultEndpoints();
            app.MapReportingApi();
            app.MapPredictionApi();
            app.MapQuantificationApi();
            app.MapLocalIssuer(builder.Configuration);
            app.MapPortalAuthentication();
            app.MapReportingPortal();
            await app.RunAsync(cancellation);
            return 0;
        }));
        return command;
    }
}
