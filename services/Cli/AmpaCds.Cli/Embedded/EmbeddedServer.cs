using System.Globalization;
using AmpaCds.Prediction;
using AmpaCds.Quantification.Api;
using AmpaCds.Reporting;
using AmpaCds.Reporting.Identity;
using AmpaCds.Reporting.Outcomes;
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
using Microsoft.Extensions.Logging;

namespace AmpaCds.Cli.Embedded;

/// <summary>
/// The embedded shape with its network faces on loopback: DICOM SCP, the gateway's gRPC API with Prediction's, and
/// on the HTTP port the token issuer, the portal and health. Used by `ampacds serve` and `ampacds demo --serve`.
/// </summary>
public static class EmbeddedServer
{
    public sealed record Ports(int Dicom, int Grpc, int Http)
    {
        public string PortalAddress => $"http://127.0.0.1:{Http.ToString(CultureInfo.InvariantCulture)}{PortalPaths.Worklist}";
    }

    public static async Task RunAsync(string dataRoot, Ports ports, Action<Ports> started, CancellationToken cancellation)
    {
        ArgumentNullException.ThrowIfNull(ports);
        ArgumentNullException.ThrowIfNull(started);
        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions
        {
            Args = HostArguments.WithDefaults([]),
            // The embedded system is the development shape; a site deployment runs the separate hosts.
            EnvironmentName = Environments.Development,
        });
        builder.Configuration.AddInMemoryCollection(EmbeddedSystem.Settings(dataRoot, dicomListener: true, ports.Dicom));
        builder.Configuration.AddInMemoryCollection(EmbeddedSystem.LocalIssuerSettings(ports.Http));
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            // Outcomes recorded in the portal reach Prediction's gRPC API in this same process, over loopback.
            [$"{PredictionClientOptions.Section}:{nameof(PredictionClientOptions.Url)}"] = $"http://127.0.0.1:{ports.Grpc.ToString(CultureInfo.InvariantCulture)}",
        });
        builder.Configuration.AddLocalIssuerUsersFile(Path.Combine(dataRoot, "auth", "users.json"));
        builder.WebHost.ConfigureKestrel(kestrel =>
        {
            kestrel.ListenLocalhost(ports.Grpc, listen => listen.Protocols = HttpProtocols.Http2);
            kestrel.ListenLocalhost(ports.Http, listen => listen.Protocols = HttpProtocols.Http1);
        });
        // Every SQL command at Information would bury the addresses a person needs among hundreds of lines.
        builder.Logging.AddFilter("Microsoft.EntityFrameworkCore.Database.Command", LogLevel.Warning);
        builder.Services.AddAllServices(builder.Configuration);
        builder.Services.AddAmpaCdsAuthentication(builder.Configuration);
        // Plain HTTP is allowed here only because the embedded shape runs as Development on loopback (docs/SECURITY.md, "Transport").
        builder.Services.AddAmpaCdsTransport(builder.Configuration);
        builder.Services.AddLocalIssuer(builder.Configuration, builder.Environment);
        builder.Services.AddPortalAuthentication(builder.Configuration);
        builder.Services.AddGrpc();
        await using var app = builder.Build();
        app.UseAmpaCdsAuthentication();
        app.MapDefaultEndpoints();
        app.MapReportingApi();
        app.MapPredictionApi();
        app.MapQuantificationApi();
        app.MapLocalIssuer(builder.Configuration);
        app.MapPortalAuthentication();
        app.MapReportingPortal();
        await app.StartAsync(cancellation);
        started(ports);
        await app.WaitForShutdownAsync(cancellation);
    }
}
