using System.Net.Security;
using System.Security.Cryptography.X509Certificates;

namespace AmpaCds.TestSupport;

/// <summary>
/// Clients that trust exactly the private CA of deploy/certs.sh (not the machine's store, and not "accept anything"):
/// the server's chain must end at that CA and its name must match the address, as a site client configured with
/// ca.crt would check.
/// </summary>
public sealed class PrivateCaTrust
{
    private readonly X509Certificate2 _authority;

    public PrivateCaTrust(string caCertificatePath)
    {
        CaCertificatePath = caCertificatePath;
        _authority = X509CertificateLoader.LoadCertificateFromFile(caCertificatePath);
    }

    public string CaCertificatePath { get; }

    /// <summary>For SslClientAuthenticationOptions.RemoteCertificateValidationCallback.</summary>
    public bool Validate(object sender, X509Certificate? certificate, X509Chain? chain, SslPolicyErrors errors) =>
        AmpaCds.Security.Access.PrivateCaTrust.Validates(_authority, certificate, chain, errors);

    /// <summary>A handler for HttpClient and GrpcChannelOptions.HttpHandler that trusts only the private CA.</summary>
    public SocketsHttpHandler CreateHandler() => new()
    {
        SslOptions = new SslClientAuthenticationOptions { RemoteCertificateValidationCallback = Validate },
        // gRPC streams (WatchStudy) stay open; the channel keeps the connection alive.
        EnableMultipleHttp2Connections = true,
    };

    public HttpClient CreateHttpClient(TimeSpan timeout) => new(CreateHandler(), disposeHandler: true) { Timeout = timeout };
}
