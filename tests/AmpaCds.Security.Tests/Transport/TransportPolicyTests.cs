using AmpaCds.Security.Transport;

namespace AmpaCds.Security.Tests.Transport;

public sealed class TransportPolicyTests
{
    private const string HttpKey = "Kestrel:Endpoints:Http:Url";
    private const string GrpcKey = "Kestrel:Endpoints:Grpc:Url";

    [Fact]
    public void WithACertificateEveryHttpsEndpointMayStartInProduction()
    {
        var failures = TransportPolicy.Check(
            [new(HttpKey, "https://0.0.0.0:5180"), new(GrpcKey, "https://0.0.0.0:5080")], certificateConfigured: true, isDevelopment: false);
        Assert.Empty(failures);
    }

    [Fact]
    public void WithACertificateAnHttpEndpointIsRefusedByNameWithTheHttpsUrlToWrite()
    {
        var failures = TransportPolicy.Check(
            [new(HttpKey, "https://0.0.0.0:5180"), new(GrpcKey, "http://0.0.0.0:5080")], certificateConfigured: true, isDevelopment: false);
        var failure = Assert.Single(failures);
        Assert.StartsWith($"{GrpcKey} is http://0.0.0.0:5080", failure, StringComparison.Ordinal);
        Assert.Contains("https://0.0.0.0:5080", failure, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("http://127.0.0.1:5180")]
    [InlineData("http://0.0.0.0:5180")]
    public void WithoutACertificateProductionRefusesEveryEndpointEvenOnLoopback(string url)
    {
        var failure = Assert.Single(TransportPolicy.Check([new(HttpKey, url)], certificateConfigured: false, isDevelopment: false));
        Assert.StartsWith($"{HttpKey} is {url} without TLS: outside the Development environment", failure, StringComparison.Ordinal);
        Assert.Contains("AmpaCds:Tls:CertificatePath", failure, StringComparison.Ordinal);
        Assert.Contains("AmpaCds__Tls__KeyPath", failure, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("http://127.0.0.1:5180")]
    [InlineData("http://127.0.0.2:5180")]
    [InlineData("http://localhost:5180")]
    [InlineData("http://[::1]:5180")]
    public void WithoutACertificateDevelopmentMayServePlainHttpOnLoopback(string url) =>
        Assert.Empty(TransportPolicy.Check([new(HttpKey, url)], certificateConfigured: false, isDevelopment: true));

    [Theory]
    [InlineData("http://0.0.0.0:5180")]
    [InlineData("http://*:5180")]
    [InlineData("http://+:5180")]
    [InlineData("http://[::]:5180")]
    [InlineData("http://10.1.2.3:5180")]
    [InlineData("http://reporting:5180")]
    public void WithoutACertificateDevelopmentRefusesANonLoopbackAddress(string url)
    {
        var failures = TransportPolicy.Check([new(HttpKey, "http://127.0.0.1:5080"), new(GrpcKey, url)], certificateConfigured: false, isDevelopment: true);
        var failure = Assert.Single(failures);
        Assert.StartsWith($"{GrpcKey} is {url} without TLS: plain HTTP is allowed only on a loopback address", failure, StringComparison.Ordinal);
    }

    [Fact]
    public void AnHttpsEndpointWithoutACertificateIsRefusedInsteadOfFallingBackToADevelopmentCertificate()
    {
        var failure = Assert.Single(TransportPolicy.Check([new(HttpKey, "https://127.0.0.1:5180")], certificateConfigured: false, isDevelopment: true));
        Assert.StartsWith($"{HttpKey} is https://127.0.0.1:5180 but there is no certificate", failure, StringComparison.Ordinal);
    }

    [Fact]
    public void EachRefusedEndpointIsNamed()
    {
        var failures = TransportPolicy.Check([new(HttpKey, "http://0.0.0.0:5180"), new(GrpcKey, "http://0.0.0.0:5080")], certificateConfigured: false, isDevelopment: false);
        Assert.Equal(2, failures.Count);
        Assert.StartsWith(HttpKey, failures[0], StringComparison.Ordinal);
        Assert.StartsWith(GrpcKey, failures[1], StringComparison.Ordinal);
    }

    [Fact]
    public void AUrlThatIsNotHttpIsRefused()
    {
        var failure = Assert.Single(TransportPolicy.Check([new(HttpKey, "")], certificateConfigured: true, isDevelopment: false));
        Assert.Equal($"{HttpKey} is '', not an http:// or https:// URL", failure);
    }
}
