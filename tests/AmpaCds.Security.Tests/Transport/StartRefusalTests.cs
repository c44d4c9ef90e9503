using System.Globalization;
using AmpaCds.Security.Transport;
using AmpaCds.TestSupport;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace AmpaCds.Security.Tests.Transport;

/// <summary>What a host does at start with each transport configuration: refuse before it listens, naming the key, or serve.</summary>
public sealed class StartRefusalTests : IAsyncLifetime
{
    private readonly string _state = Path.Combine(Path.GetTempPath(), "ampacds-tls-refusal-" + Guid.NewGuid().ToString("N")[..8]);

    public Task InitializeAsync()
    {
        Directory.CreateDirectory(_state);
        return Task.CompletedTask;
    }

    public Task DisposeAsync()
    {
        Directory.Delete(_state, recursive: true);
        return Task.CompletedTask;
    }

    [Fact]
    public async Task AProductionHostWithoutCertificatesOnEveryInterfaceRefusesToStartNamingTheEndpoint()
    {
        var port = FreePort.Next();
        await using var app = Build(Environments.Production, new() { ["Kestrel:Endpoints:Http:Url"] = $"http://0.0.0.0:{port}" });
        var error = await Assert.ThrowsAsync<OptionsValidationException>(() => app.StartAsync());
        var failure = Assert.Single(error.Failures);
        Assert.StartsWith($"Kestrel:Endpoints:Http:Url is http://0.0.0.0:{port} without TLS: outside the Development environment", failure, StringComparison.Ordinal);
        Assert.Contains("AmpaCds:Tls:CertificatePath", failure, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ADevelopmentHostWithoutCertificatesOnLoopbackServesPlainHttp()
    {
        var port = FreePort.Next();
        await using var app = Build(Environments.Development, new() { ["Kestrel:Endpoints:Http:Url"] = $"http://127.0.0.1:{port}" });
        await app.StartAsync();
        var (exitCode, output) = await ScriptRunner.RunAsync("curl", ["-sS", "-f", "--max-time", "10", $"http://127.0.0.1:{port}/health/ready"], TimeSpan.FromSeconds(30));
        await app.StopAsync();
        Assert.True(exitCode == 0, output);
        Assert.Equal("Healthy", output.Trim());
    }

    [Fact]
    public async Task ADevelopmentHostWithoutCertificatesOnEveryInterfaceRefusesToStart()
    {
        var port = FreePort.Next();
        await using var app = Build(Environments.Development, new() { ["Kestrel:Endpoints:Http:Url"] = $"http://0.0.0.0:{port}" });
        var error = await Assert.ThrowsAsync<OptionsValidationException>(() => app.StartAsync());
        Assert.StartsWith($"Kestrel:Endpoints:Http:Url is http://0.0.0.0:{port} without TLS: plain HTTP is allowed only on a loopback address",
            Assert.Single(error.Failures), StringComparison.Ordinal);
    }

    [Fact]
    public async Task ACertificateWithoutItsKeyIsRefused()
    {
        await using var app = Build(Environments.Production, new()
        {
            ["Kestrel:Endpoints:Http:Url"] = $"https://127.0.0.1:{FreePort.Next()}",
            ["AmpaCds:Tls:CertificatePath"] = Path.Combine(_state, "server.crt"),
        });
        var error = await Assert.ThrowsAsync<OptionsValidationException>(() => app.StartAsync());
        Assert.Equal("AmpaCds:Tls:CertificatePath and AmpaCds:Tls:KeyPath go together: set both (PEM certificate and its key) or neither", Assert.Single(error.Failures));
    }

    [Fact]
    public async Task MissingCertificateFilesAreNamed()
    {
        var certificate = Path.Combine(_state, "missing.crt");
        var key = Path.Combine(_state, "missing.key");
        await using var app = Build(Environments.Production, new()
        {
            ["Kestrel:Endpoints:Http:Url"] = $"https://127.0.0.1:{FreePort.Next()}",
            ["AmpaCds:Tls:CertificatePath"] = certificate,
            ["AmpaCds:Tls:KeyPath"] = key,
        });
        var error = await Assert.ThrowsAsync<OptionsValidationException>(() => app.StartAsync());
        Assert.Equal([$"AmpaCds:Tls:CertificatePath: no file at {certificate}", $"AmpaCds:Tls:KeyPath: no file at {key}"], error.Failures);
    }

    [Fact]
    public async Task AKeyThatIsNotTheCertificatesIsRefused()
    {
        var certificates = await TestCertificates.CreateAsync(_state);
        await using var app = Build(Environments.Production, new()
        {
            ["Kestrel:Endpoints:Http:Url"] = $"https://127.0.0.1:{FreePort.Next()}",
            ["AmpaCds:Tls:CertificatePath"] = certificates.ServerCertificate,
            ["AmpaCds:Tls:KeyPath"] = Path.Combine(certificates.Folder, "stranger.key"),
        });
        var error = await Assert.ThrowsAsync<OptionsValidationException>(() => app.StartAsync());
        Assert.StartsWith($"AmpaCds:Tls:CertificatePath ({certificates.ServerCertificate}) with AmpaCds:Tls:KeyPath", Assert.Single(error.Failures), StringComparison.Ordinal);
    }

    [Fact]
    public async Task TheBuiltReportingHostInProductionWithoutCertificatesExitsWithTheMessage()
    {
        var assembly = Path.Combine(RepositoryRoot.Root, "services", "Reporting", "AmpaCds.Reporting.Host", "bin", RepositoryRoot.Configuration, "net10.0",
            "AmpaCds.Reporting.Host.dll");
        Assert.True(File.Exists(assembly), $"{assembly} is not built");
        var port = FreePort.Next().ToString(CultureInfo.InvariantCulture);
        var (exitCode, output) = await ScriptRunner.RunAsync("dotnet", [assembly], TimeSpan.FromMinutes(2), new Dictionary<string, string>
        {
            ["DOTNET_ENVIRONMENT"] = "Production",
            ["ASPNETCORE_ENVIRONMENT"] = "Production",
            ["AmpaCds__DataRoot"] = Path.Combine(_state, "data"),
            ["AmpaCds__Bus__Transport"] = "InMemory",
            ["Kestrel__Endpoints__Http__Url"] = $"http://0.0.0.0:{port}",
            ["Kestrel__Endpoints__Grpc__Url"] = $"http://0.0.0.0:{FreePort.Next().ToString(CultureInfo.InvariantCulture)}",
        });
        Assert.True(exitCode != 0, output);
        Assert.Contains($"Kestrel:Endpoints:Http:Url is http://0.0.0.0:{port} without TLS: outside the Development environment every endpoint must serve HTTPS",
            output, StringComparison.Ordinal);
    }

    private WebApplication Build(string environment, Dictionary<string, string?> settings)
    {
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { EnvironmentName = environment, ContentRootPath = _state });
        builder.Configuration.AddInMemoryCollection(settings);
        builder.Services.AddAmpaCdsTransport(builder.Configuration);
        builder.Services.AddHealthChecks();
        var app = builder.Build();
        app.MapHealthChecks("/health/ready");
        return app;
    }
}
