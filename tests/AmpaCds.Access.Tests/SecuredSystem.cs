using AmpaCds.Reporting.Portal;
using System.Net;
using System.Net.Sockets;
using AmpaCds.Intake;
using AmpaCds.Intake.DicomWeb;
using AmpaCds.Prediction;
using AmpaCds.Quantification;
using AmpaCds.Quantification.Api;
using AmpaCds.Reporting;
using AmpaCds.Reporting.Identity;
using AmpaCds.Reporting.Portal.Authentication;
using AmpaCds.Security.Access;
using AmpaCds.ServiceDefaults;
using AmpaCds.ServiceDefaults.Messaging;
using AmpaCds.TestSupport.Security;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Routing;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace AmpaCds.Access.Tests;

/// <summary>
/// Every service's endpoints in one process, composed as the hosts compose them (the same Add/Map
/// extensions, in-memory bus, SQLite), behind real Kestrel on loopback: HTTP/1.1 for DICOMweb, health and the
/// token endpoint, HTTP/2 for gRPC. Tokens come from the gateway's own OpenIddict issuer.
/// </summary>
public sealed class SecuredSystem : IAsyncLifetime
{
    public const string ServiceClient = "svc-test";
    public const string ServiceSecret = "service-secret-not-secret";

    private readonly string _folder = Path.Combine(Path.GetTempPath(), "ampacds-access-" + Guid.NewGuid().ToString("N")[..8]);
    private WebApplication? _app;

    public string HttpAddress { get; private set; } = "";

    public string GrpcAddress { get; private set; } = "";

    public WebApplication App => _app ?? throw new InvalidOperationException("not started");

    public HttpClient Http { get; } = new() { Timeout = TimeSpan.FromSeconds(60) };

    /// <summary>A client that shows redirects instead of following them: portal pages answer a stranger with one.</summary>
    public HttpClient HttpWithoutRedirects { get; } = new(new HttpClientHandler { AllowAutoRedirect = false }) { Timeout = TimeSpan.FromSeconds(60) };

    public async Task InitializeAsync()
    {
        var httpPort = FreePort();
        var grpcPort = FreePort();
        HttpAddress = $"http://127.0.0.1:{httpPort}";
        GrpcAddress = $"http://127.0.0.1:{grpcPort}";
        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions { EnvironmentName = "Development" });
        builder.Logging.ClearProviders();
        builder.WebHost.ConfigureKestrel(kestrel =>
        {
            kestrel.Listen(IPAddress.Loopback, httpPort, listen => listen.Protocols = HttpProtocols.Http1);
            kestrel.Listen(IPAddress.Loopback, grpcPort, listen => listen.Protocols = HttpProtocols.Http2);
        });
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["AmpaCds:DataRoot"] = _folder,
            ["AmpaCds:Bus:Transport"] = "InMemory",
            ["AmpaCds:Intake:ListenerEnabled"] = "false",
            ["AmpaCds:Intake:MinimumFreeDiskBytes"] = "1024",
            [$"{AuthOptions.Section}:{nameof(AuthOptions.Authority)}"] = HttpAddress,
            [$"{AuthOptions.Section}:{nameof(AuthOptions.RequireHttpsMetadata)}"] = "false",
            [$"{LocalIssuerOptions.Section}:Clients:0:ClientId"] = ServiceClient,
            [$"{LocalIssuerOptions.Section}:Clients:0:SecretHash"] = PasswordHash.Create(ServiceSecret),
            [$"{LocalIssuerOptions.Section}:Clients:0:Roles:0"] = Roles.Service,
            [$"{PortalOptions.Section}:{nameof(PortalOptions.PublicOrigins)}:0"] = HttpAddress,
        });
        builder.Configuration.AddInMemoryCollection(TestUsers.IssuerSettings(HttpAddress));
        builder.Services.AddServiceDefaults(builder.Configuration);
        builder.Services.AddAmpaCdsAuthentication(builder.Configuration);
        builder.Services.AddIntakeServices(builder.Configuration);
        builder.Services.AddQuantificationServices(builder.Configuration);
        builder.Services.AddPredictionServices(builder.Configuration);
        builder.Services.AddReportingServices(builder.Configuration);
        builder.Services.AddAmpaCdsBus(builder.Configuration,
            QuantificationServiceCollectionExtensions.AddQuantificationConsumers,
            PredictionServiceCollectionExtensions.AddPredictionConsumers,
            ReportingServiceCollectionExtensions.AddReportingConsumers);
        builder.Services.AddLocalIssuer(builder.Configuration, builder.Environment);
        builder.Services.AddPortalAuthentication(builder.Configuration);
        builder.Services.AddGrpc();
        _app = builder.Build();
        // The union of what the four hosts' Program.cs map (HostCompositionTests keeps that list honest).
        _app.UseAmpaCdsAuthentication();
        _app.MapDefaultEndpoints();
        _app.MapIntakeDicomWeb();
        _app.MapPredictionApi();
        _app.MapReportingApi();
        _app.MapQuantificationApi();
        _app.MapLocalIssuer(builder.Configuration);
        _app.MapPortalAuthentication();
        _app.MapReportingPortal();
        await _app.StartAsync();
    }

    public IReadOnlyList<RouteEndpoint> Endpoints() =>
        App.Services.GetServices<EndpointDataSource>().SelectMany(source => source.Endpoints).OfType<RouteEndpoint>().ToList();

    public Task<string> TokenAsync(string user, string? role = null) => TokenClient.PasswordGrantAsync(Http, HttpAddress, user, role);

    public async Task<string> ServiceTokenAsync()
    {
        using var response = await Http.PostAsync(HttpAddress + "/connect/token", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["grant_type"] = "client_credentials",
            ["client_id"] = ServiceClient,
            ["client_secret"] = ServiceSecret,
        }));
        var body = await response.Content.ReadAsStringAsync();
        return System.Text.Json.JsonDocument.Parse(body).RootElement.TryGetProperty("access_token", out var token)
            ? token.GetString()!
            : throw new InvalidOperationException($"no service token: {body}");
    }

    public async Task DisposeAsync()
    {
        if (_app is not null)
        {
            await _app.StopAsync();
            await _app.DisposeAsync();
        }
        Http.Dispose();
        HttpWithoutRedirects.Dispose();
        if (Directory.Exists(_folder))
        {
            Directory.Delete(_folder, recursive: true);
        }
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
