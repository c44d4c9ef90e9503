using System.Net.Security;
using System.Security.Cryptography.X509Certificates;

namespace AmpaCds.Security.Access;

/// <summary>
/// Trusts exactly the certificates a given CA signed (a site's private CA), not the machine's public roots:
/// the issuer and the services present certificates from the hospital's own authority. A wrong host name or a
/// missing certificate is never excused; only the chain is judged again, against that CA.
/// </summary>
public static class PrivateCaTrust
{
    public static SocketsHttpHandler Handler(string caCertificatePath)
    {
        var authority = X509CertificateLoader.LoadCertificateFromFile(caCertificatePath);
        return new SocketsHttpHandler
        {
            SslOptions = new SslClientAuthenticationOptions
            {
                RemoteCertificateValidationCallback = (_, certificate, chain, errors) => Validates(authority, certificate, chain, errors),
            },
            // gRPC streams (WatchStudy) stay open; the channel keeps the connection alive.
            EnableMultipleHttp2Connections = true,
        };
    }

    public static bool Validates(X509Certificate2 authority, X509Certificate? certificate, X509Chain? chain, SslPolicyErrors errors)
    {
        if (certificate is null || (errors & ~SslPolicyErrors.RemoteCertificateChainErrors) != SslPolicyErrors.None)
        {
            return false;
        }
        using var custom = new X509Chain();
        custom.ChainPolicy.TrustMode = X509ChainTrustMode.CustomRootTrust;
        custom.ChainPolicy.CustomTrustStore.Add(authority);
        custom.ChainPolicy.RevocationMode = X509RevocationMode.NoCheck;
        if (chain is not null)
        {
            custom.ChainPolicy.ExtraStore.AddRange(chain.ChainPolicy.ExtraStore);
        }
        using var leaf = X509CertificateLoader.LoadCertificate(certificate.GetRawCertData());
        return custom.Build(leaf);
    }
}
