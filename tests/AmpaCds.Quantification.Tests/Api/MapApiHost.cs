using AmpaCds.Contracts.Messages;
using AmpaCds.Quantification.Api;
using AmpaCds.Security.Access;
using AmpaCds.ServiceDefaults;
using AmpaCds.ServiceDefaults.Messaging;
using AmpaCds.TestSupport.Security;
using MassTransit;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using System.Collections.Concurrent;

namespace AmpaCds.Quantification.Tests.Api;

/// <summary>
/// Quantification composed as its host composes it (services, authentication, the map API) behind a real Kestrel on a
/// loopback port, trusting a stand-in issuer; audit events travel the real outbox and in-memory bus to <see cref="Audits"/>.
/// </summary>
public sealed class MapApiHost : IAsyncLifetime
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "ampacds-mapapi-" + Guid.NewGuid().ToString("N")[..8]);
    private WebApplication? _app;
    private TestIssuer? _issuer;

    public static ConcurrentQueue<AuditEventRecorded> Audits { get; } = new();

    public IServiceProvider Services => _app!.Services;

    public TestIssuer Issuer => _issuer!;

    public HttpClient Http { get; private set; } = new();

    public async Task InitializeAsync()
    {
        _issuer = await TestIssuer.StartAsync();
        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions { EnvironmentName = "Development" });
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["AmpaCds:DataRoot"] = _folder,
            ["AmpaCds:Bus:Transport"] = "InMemory",
        });
        builder.Configuration.AddInMemoryCollection(_issuer.Settings);
        builder.Services.AddServiceDefaults(builder.Configuration);
        builder.Services.AddAmpaCdsAuthentication(builder.Configuration);
        builder.Services.AddQuantificationServices(builder.Configuration);
        builder.Services.AddAmpaCdsBus(builder.Configuration, bus => bus.AddConsumer<AuditCapture>());
        _app = builder.Build();
        _app.UseAmpaCdsAuthentication();
        _app.MapQuantificationApi();
        await _app.StartAsync();
        var address = _app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.Single();
        Http = new HttpClient { BaseAddress = new Uri(address), Timeout = TimeSpan.FromSeconds(60) };
    }

    public string ServiceToken => Issuer.Token("ampacds-reporting", Roles.Service);

    public async Task DisposeAsync()
    {
        Http.Dispose();
        if (_app is not null)
        {
            await _app.StopAsync();
            await _app.DisposeAsync();
        }
        if (_issuer is not null)
        {
            await _issuer.DisposeAsync();
        }
        if (Directory.Exists(_folder))
        {
            Directory.Delete(_folder, recursive: true);
        }
    }

    /// <summary>Stands in for Reporting's audit repository: the events as they leave Quantification's outbox.</summary>
    public sealed class AuditCapture : IConsumer<AuditEventRecorded>
    {
        public Task Consume(ConsumeContext<AuditEventRecorded> context)
        {
            Audits.Enqueue(context.Message);
            return Task.CompletedTask;
        }
    }
}
