using AmpaCds.Contracts.Reporting;
using AmpaCds.TestSupport;
using Grpc.Core;
using Grpc.Net.Client;

namespace AmpaCds.Security.Tests.Transport;

/// <summary>Real clients (curl, openssl s_client, Grpc.Net.Client) against endpoints configured by AddAmpaCdsTransport.</summary>
public sealed class TlsEndpointTests(TlsHostFixture host) : IClassFixture<TlsHostFixture>
{
    private static readonly TimeSpan Limit = TimeSpan.FromSeconds(30);

    private string HealthUrl => $"https://127.0.0.1:{host.HttpPort}/health/ready";

    [Fact]
    public async Task CurlTrustingThePrivateCaGetsTheHealthAnswer()
    {
        var (exitCode, output) = await ScriptRunner.RunAsync("curl", ["-sS", "-f", "--max-time", "10", "--cacert", host.Certificates.CaCertificate, HealthUrl], Limit);
        Assert.True(exitCode == 0, output);
        Assert.Equal("Healthy", output.Trim());
    }

    [Fact]
    public async Task CurlWithoutThePrivateCaFailsCertificateVerification()
    {
        var (exitCode, output) = await ScriptRunner.RunAsync("curl", ["-sS", "-f", "--max-time", "10", HealthUrl], Limit);
        Assert.True(exitCode == 60, $"exit {exitCode}: {output}"); // 60: peer certificate cannot be authenticated with known CA certificates
    }

    [Fact]
    public async Task CurlTrustingAnotherCaFailsCertificateVerification()
    {
        var (exitCode, output) = await ScriptRunner.RunAsync("curl",
            ["-sS", "-f", "--max-time", "10", "--cacert", host.Certificates.StrangerCaCertificate, HealthUrl], Limit);
        Assert.True(exitCode == 60, $"exit {exitCode}: {output}");
    }

    [Fact]
    public async Task PlainHttpToTheTlsPortGetsNoAnswer()
    {
        var (exitCode, output) = await ScriptRunner.RunAsync("curl", ["-sS", "-f", "--max-time", "10", $"http://127.0.0.1:{host.HttpPort}/health/ready"], Limit);
        Assert.True(exitCode != 0, output);
        Assert.DoesNotContain("Healthy", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Tls12IsAccepted()
    {
        var output = await OpenSslAsync("-tls1_2");
        Assert.Contains("Protocol  : TLSv1.2", output, StringComparison.Ordinal);
        Assert.Contains("Verify return code: 0 (ok)", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Tls11IsRefusedByTheServer()
    {
        // SECLEVEL=0 lets the client offer TLS 1.1 at all, so the refusal below is the server's, not the client's.
        var output = await OpenSslAsync("-tls1_1", "-cipher", "DEFAULT:@SECLEVEL=0");
        Assert.DoesNotContain("no protocols available", output, StringComparison.Ordinal);
        Assert.Contains("alert protocol version", output, StringComparison.Ordinal);
        Assert.Contains("Cipher is (NONE)", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AGrpcChannelTrustingThePrivateCaReachesTheServiceOverHttp2AndTls()
    {
        var trust = new PrivateCaTrust(host.Certificates.CaCertificate);
        using var channel = GrpcChannel.ForAddress($"https://127.0.0.1:{host.GrpcPort}", new GrpcChannelOptions { HttpHandler = trust.CreateHandler() });
        var client = new ReportingApi.ReportingApiClient(channel);
        var error = await Assert.ThrowsAsync<RpcException>(async () =>
            await client.ListStudiesAsync(new ListStudiesRequest(), deadline: DateTime.UtcNow.AddSeconds(20)));
        // Unimplemented is the service's own answer: the handshake and HTTP/2 worked.
        Assert.Equal(StatusCode.Unimplemented, error.StatusCode);
    }

    [Fact]
    public async Task AGrpcChannelThatDoesNotTrustTheCaIsRefusedAtTheHandshake()
    {
        using var channel = GrpcChannel.ForAddress($"https://127.0.0.1:{host.GrpcPort}");
        var client = new ReportingApi.ReportingApiClient(channel);
        var error = await Assert.ThrowsAsync<RpcException>(async () =>
            await client.ListStudiesAsync(new ListStudiesRequest(), deadline: DateTime.UtcNow.AddSeconds(20)));
        // Grpc.Net.Client reports a failed handshake as Internal or Unavailable, depending on where it surfaces.
        Assert.Contains(error.StatusCode, new[] { StatusCode.Internal, StatusCode.Unavailable });
        Assert.Contains("The SSL connection could not be established", error.ToString(), StringComparison.Ordinal);
    }

    private async Task<string> OpenSslAsync(params string[] options)
    {
        // s_client reads stdin until EOF; /dev/null ends the session right after the handshake.
        var command = $"openssl s_client -connect 127.0.0.1:{host.HttpPort} -servername localhost -CAfile '{host.Certificates.CaCertificate}' {string.Join(' ', options)} < /dev/null";
        var (_, output) = await ScriptRunner.RunAsync("bash", ["-c", command], Limit);
        return output;
    }
}
