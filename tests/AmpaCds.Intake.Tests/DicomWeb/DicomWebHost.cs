using AmpaCds.Intake.DicomWeb;
using AmpaCds.Security.Access;
using AmpaCds.ServiceDefaults;
using AmpaCds.TestSupport.Security;
using AmpaCds.ServiceDefaults.Messaging;
using AmpaCds.ServiceDefaults.Storage;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace AmpaCds.Intake.Tests.DicomWeb;

/// <summary>
/// Intake's parts behind a real Kestrel on a free loopback port, with the DICOMweb endpoints and an
/// in-memory bus (series completion runs as in the embedded demo); no DICOM listener.
/// </summary>
public sealed class DicomWebHost : IAsyncDisposable
{
    private readonly WebApplication _app;

    private DicomWebHost(WebApplication app, string folder, CollectedLogs logs, TestIssuer issuer)
    {
        Logs = logs;
        _app = app;
        Folder = folder;
        Issuer = issuer;
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.Single();
        Client = new HttpClient { BaseAddress = new Uri(address), Timeout = TimeSpan.FromSeconds(60) };
        // A PACS storing and looking up studies: the role the DICOMweb routes admit.
        Client.DefaultRequestHeaders.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", PacsToken);
    }

    /// <summary>The identity provider the host trusts; tests mint other callers' tokens with it.</summary>
    public TestIssuer Issuer { get; }

    public string PacsToken => Issuer.Token("pacs-test", Roles.PacsAdmin);

    public string Folder { get; }

    public HttpClient Client { get; }

    public Uri BaseAddress => Client.BaseAddress!;

    public IBlobStore Blobs => _app.Services.GetRequiredService<IBlobStore>();

    public IServiceProvider Services => _app.Services;

    public CollectedLogs Logs { get; }

    public static async Task<DicomWebHost> StartAsync(IDictionary<string, string?>? settings = null)
    {
        var folder = Path.Combine(Path.GetTempPath(), "ampacds-dicomweb-" + Guid.NewGuid().ToString("N")[..8]);
        var issuer = await TestIssuer.StartAsync();
        // Development: plain HTTP on loopback and the stand-in issuer's metadata over HTTP are allowed only there.
        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions { EnvironmentName = "Development" });
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        var logs = new CollectedLogs();
        builder.Logging.ClearProviders().AddProvider(logs);
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["AmpaCds:DataRoot"] = folder,
            ["AmpaCds:Intake:ListenerEnabled"] = "false",
            ["AmpaCds:Intake:MinimumFreeDiskBytes"] = "1024",
            ["AmpaCds:Bus:Transport"] = "InMemory",
        });
        builder.Configuration.AddInMemoryCollection(issuer.Settings);
        if (settings is not null)
        {
            builder.Configuration.AddInMemoryCollection(settings);
        }
        builder.Services.AddServiceDefaults(builder.Configuration);
        builder.Services.AddAmpaCdsAuthentication(builder.Configuration);
        builder.Services.AddIntakeServices(builder.Configuration);
        builder.Services.AddAmpaCdsBus(builder.Configuration);
        var app = builder.Build();
        app.UseAmpaCdsAuthentication();
        app.MapIntakeDicomWeb();
        await app.StartAsync();
        return new DicomWebHost(app, folder, logs, issuer);
    }

    public async ValueTask DisposeAsync()
    {
        Client.Dispose();
        await _app.StopAsync();
        await _app.DisposeAsync();
        await Issuer.DisposeAsync();
        if (Directory.Exists(Folder))
        {
            Directory.Delete(Folder, recursive: true);
        }
    }
}
