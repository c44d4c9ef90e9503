using AmpaCds.Intake.DicomWeb;
using AmpaCds.ServiceDefaults;
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

    private DicomWebHost(WebApplication app, string folder, CollectedLogs logs)
    {
        Logs = logs;
        _app = app;
        Folder = folder;
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.Single();
        Client = new HttpClient { BaseAddress = new Uri(address), Timeout = TimeSpan.FromSeconds(60) };
    }

    public string Folder { get; }

    public HttpClient Client { get; }

    public Uri BaseAddress => Client.BaseAddress!;

    public IBlobStore Blobs => _app.Services.GetRequiredService<IBlobStore>();

    public IServiceProvider Services => _app.Services;

    public CollectedLogs Logs { get; }

    public static async Task<DicomWebHost> StartAsync(IDictionary<string, string?>? settings = null)
    {
        var folder = Path.Combine(Path.GetTempPath(), "ampacds-dicomweb-" + Guid.NewGuid().ToString("N")[..8]);
        var builder = WebApplication.CreateSlimBuilder();
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
        if (settings is not null)
        {
            builder.Configuration.AddInMemoryCollection(settings);
        }
        builder.Services.AddServiceDefaults(builder.Configuration);
        builder.Services.AddIntakeServices(builder.Configuration);
        builder.Services.AddAmpaCdsBus(builder.Configuration);
        var app = builder.Build();
        app.MapIntakeDicomWeb();
        await app.StartAsync();
        return new DicomWebHost(app, folder, logs);
    }

    public async ValueTask DisposeAsync()
    {
        Client.Dispose();
        await _app.StopAsync();
        await _app.DisposeAsync();
        if (Directory.Exists(Folder))
        {
            Directory.Delete(Folder, recursive: true);
        }
    }
}
