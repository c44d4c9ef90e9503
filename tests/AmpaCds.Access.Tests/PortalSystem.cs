using System.Net;
using System.Net.Sockets;
using AmpaCds.Reporting;
using AmpaCds.Reporting.Audit;
using AmpaCds.Reporting.Identity;
using AmpaCds.Reporting.Portal.Authentication;
using AmpaCds.Security.Access;
using AmpaCds.ServiceDefaults;
using AmpaCds.ServiceDefaults.Messaging;
using AmpaCds.TestSupport.Security;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace AmpaCds.Access.Tests;

/// <summary>
/// The Reporting gateway's HTTP host with its local issuer and the portal's authentication, on loopback Kestrel, plus
/// one tiny protected page (psychiatrists only) that shows the signed-in person, their saved tokens and a sign-out form.
/// The portal is a public client (no secret), as in the embedded shape.
/// </summary>
public sealed class PortalSystem : IAsyncLifetime
{
    public const string PagePath = "/portal/test-page";
    public const string PsychiatristDisplayName = "Dr Hanako Sato";

    private readonly string _folder = Path.Combine(Path.GetTempPath(), "ampacds-portal-" + Guid.NewGuid().ToString("N")[..8]);
    private WebApplication? _app;

    public string Address { get; private set; } = "";

    public WebApplication App => _app ?? throw new InvalidOperationException("not started");

    public async Task InitializeAsync()
    {
        var port = FreePort();
        Address = $"http://127.0.0.1:{port}";
        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions { EnvironmentName = "Development" });
        builder.Logging.ClearProviders();
        builder.WebHost.ConfigureKestrel(kestrel => kestrel.Listen(IPAddress.Loopback, port));
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["AmpaCds:DataRoot"] = _folder,
            ["AmpaCds:Bus:Transport"] = "InMemory",
            [$"{AuthOptions.Section}:{nameof(AuthOptions.Authority)}"] = Address,
            [$"{AuthOptions.Section}:{nameof(AuthOptions.RequireHttpsMetadata)}"] = "false",
            [$"{PortalOptions.Section}:{nameof(PortalOptions.PublicOrigins)}:0"] = Address,
        });
        var users = TestUsers.IssuerSettings(Address);
        var psychiatrist = TestUsers.All.ToList().FindIndex(user => user.Name == TestUsers.Psychiatrist);
        users[$"{LocalIssuerOptions.Section}:Users:{psychiatrist}:DisplayName"] = PsychiatristDisplayName;
        builder.Configuration.AddInMemoryCollection(users);
        builder.Services.AddServiceDefaults(builder.Configuration);
        builder.Services.AddAmpaCdsAuthentication(builder.Configuration);
        builder.Services.AddReportingServices(builder.Configuration);
        builder.Services.AddAmpaCdsBus(builder.Configuration, ReportingServiceCollectionExtensions.AddReportingConsumers);
        builder.Services.AddLocalIssuer(builder.Configuration, builder.Environment);
        builder.Services.AddPortalAuthentication(builder.Configuration);
        _app = builder.Build();
        _app.UseAmpaCdsAuthentication();
        _app.MapLocalIssuer(builder.Configuration);
        _app.MapPortalAuthentication();
        _app.MapGet(PagePath, async (HttpContext context, IAntiforgery antiforgery) =>
        {
            var tokens = antiforgery.GetAndStoreTokens(context);
            var idToken = await context.GetTokenAsync(PortalAuthentication.CookieScheme, "id_token");
            var accessToken = await context.GetTokenAsync(PortalAuthentication.CookieScheme, "access_token");
            return Results.Content(
                $"<p id=\"name\">{WebUtility.HtmlEncode(context.User.Identity?.Name)}</p>\n" +
                $"<p id=\"id-token\">{idToken}</p>\n<p id=\"access-token\">{accessToken}</p>\n" +
                $"<form method=\"post\" action=\"{PortalAuthentication.SignOutPath}\"><input type=\"hidden\" name=\"{tokens.FormFieldName}\" value=\"{tokens.RequestToken}\" /></form>",
                "text/html");
        }).RequirePortalRoles(Roles.Psychiatrist);
        await _app.StartAsync();
    }

    public async Task<IReadOnlyList<Reporting.Persistence.AuditEventEntity>> AuditEventsAsync(string user)
    {
        await using var scope = App.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<AuditRecordRepository>()
            .ListAsync(new AuditQuery(null, user, null, AuditQuery.MaxLimit), CancellationToken.None);
    }

    public async Task DisposeAsync()
    {
        if (_app is not null)
        {
            await _app.StopAsync();
            await _app.DisposeAsync();
        }
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
