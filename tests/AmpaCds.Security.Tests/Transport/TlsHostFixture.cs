using AmpaCds.Security.Transport;
using AmpaCds.TestSupport;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace AmpaCds.Security.Tests.Transport;

/// <summary>
/// A Production web host built the way the service hosts are (AddAmpaCdsTransport, one HTTP/1.1 endpoint with
/// /health/ready, one HTTP/2 gRPC endpoint), serving the server certificate of deploy/certs.sh on free loopback ports.
/// </summary>
public sealed class TlsHostFixture : IAsyncLifetime
{
    private WebApplication? _app;

    public string State { get; } = Path.Combine(Path.GetTempPath(), "ampacds-tls-" + Guid.NewGuid().ToString("N")[..8]);

    public TestCertificates Certificates { get; private set; } = null!;

    public int HttpPort { get; } = FreePort.Next();

    public int GrpcPort { get; } = FreePort.Next();

    public async Task InitializeAsync()
    {
        Certificates = await TestCertificates.CreateAsync(State);
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { EnvironmentName = Environments.Production, ContentRootPath = State });
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Kestrel:Endpoints:Http:Url"] = $"https://127.0.0.1:{HttpPort}",
            ["Kestrel:Endpoints:Http:Protocols"] = "Http1",
            ["Kestrel:Endpoints:Grpc:Url"] = $"https://127.0.0.1:{GrpcPort}",
            ["Kestrel:Endpoints:Grpc:Protocols"] = "Http2",
            ["AmpaCds:Tls:CertificatePath"] = Certificates.ServerCertificate,
            ["AmpaCds:Tls:KeyPath"] = Certificates.ServerKey,
        });
        builder.Services.AddAmpaCdsTransport(builder.Configuration);
        builder.Services.AddGrpc();
        builder.Services.AddHealthChecks();
        _app = builder.Build();
        _app.MapHealthChecks("/health/ready");
        _app.MapGrpcService<UnansweredReportingApi>();
        await _app.StartAsync();
    }

    public async Task DisposeAsync()
    {
        if (_app is not null)
        {
            await _app.StopAsync();
            await _app.DisposeAsync();
        }
        Directory.Delete(State, recursive: true);
    }
}
