using System.Net;
using AmpaCds.Reporting.Persistence;
using AmpaCds.ServiceDefaults.Storage;
using AmpaCds.TestSupport.Security;
using Grpc.Core;
using Grpc.Net.Client;
using MassTransit;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace AmpaCds.Reporting.Tests.Support;

/// <summary>
/// The gateway's gRPC API as the host serves it (Kestrel h2c on loopback, Reporting's real parts on SQLite,
/// the outbox dispatcher and consumers on an in-memory bus), with bearer tokens "user:roles[:DICOM^NAME]".
/// </summary>
public sealed class ReportingApiHost : IAsyncDisposable
{
    private readonly WebApplication _app;

    private ReportingApiHost(WebApplication app, GrpcChannel channel)
    {
        _app = app;
        Channel = channel;
    }

    public GrpcChannel Channel { get; }

    public IBus Bus => _app.Services.GetRequiredService<IBus>();

    public static async Task<ReportingApiHost> StartAsync(SqliteReportingDatabase database)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.ConfigureKestrel(kestrel => kestrel.Listen(IPAddress.Loopback, 0, listen => listen.Protocols = HttpProtocols.Http2));
        builder.Configuration.AddInMemoryCollection(database.Configuration);
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?> { ["AmpaCds:Outbox:PollIntervalSeconds"] = "0.2" });
        builder.Services.AddSingleton<IBlobStore>(new FileSystemBlobStore(database.BlobFolder));
        builder.Services.AddReportingServices(builder.Configuration);
        builder.Services.AddMassTransit(bus =>
        {
            ReportingServiceCollectionExtensions.AddReportingConsumers(bus);
            bus.UsingInMemory((context, memory) => memory.ConfigureEndpoints(context));
        });
        builder.Services.AddGrpc();
        builder.Services.AddAuthentication(RolesInTokenHandler.SchemeName)
            .AddScheme<AuthenticationSchemeOptions, RolesInTokenHandler>(RolesInTokenHandler.SchemeName, null);
        builder.Services.AddAuthorization();
        var app = builder.Build();
        app.UseAuthentication();
        app.UseAuthorization();
        app.MapReportingApi();
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.Single();
        return new ReportingApiHost(app, GrpcChannel.ForAddress(address));
    }

    public static Metadata Token(string token) => new() { { "authorization", $"Bearer {token}" } };

    public async Task<T> QueryAsync<T>(Func<ReportingDbContext, Task<T>> query)
    {
        await using var scope = _app.Services.CreateAsyncScope();
        return await query(scope.ServiceProvider.GetRequiredService<ReportingDbContext>());
    }

    /// <summary>Polls until the condition holds (bounded: 30 s).</summary>
    public static async Task WaitUntilAsync(Func<Task<bool>> condition)
    {
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(30);
        while (!await condition())
        {
            Xunit.Assert.True(DateTime.UtcNow < deadline, "the condition did not hold within 30 s");
            await Task.Delay(50);
        }
    }

    public async ValueTask DisposeAsync()
    {
        Channel.Dispose();
        await _app.DisposeAsync();
    }
}
