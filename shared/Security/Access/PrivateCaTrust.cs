using System.Net.Security;
using System.Security.Cryptography.X509Certificates;

namespace AmpaCds.Security.Access;

/// <summary>
/// Trusts exactly the certificates a given CA signed (a site's private CA), not the machine's public roots:
/// the issuer and the services present certificates from the hospital's own authority.
/// </summary>
public static class PrivateCaTrust
{
    public static SocketsHttpHandler Handler(string caCertificatePath)
    {
        var authority = X509Certificate2.CreateFromPemFile(caCertificatePath);
        return new SocketsHttpHandler
        {
            SslOptions = new SslClientAuthenticationOptions
            {
                RemoteCertificateValidationCallback = (_, certificate, _, errors) => Validates(authority, certificate, errors),
            },
        };
    }

    public static bool Validates(X509Certificate2 authority, X509Certificate? certificate, SslPolicyErrors errors)
    {
        if (certificate is null || errors.HasFlag(SslPolicyErrors.RemoteCertificateNameMismatch) || errors.HasFlag(SslPolicyErrors.RemoteCertificateNotAvailable))
        {
            return false;
        }
        using var chain = new X509Chain();
        chain.ChainPolicy.TrustMode = X509ChainTrustMode.CustomRootTrust;
        chain.ChainPolicy.CustomTrustStore.Add(authority);
        chain.ChainPolicy.RevocationMode = X509RevocationMode.NoCheck;
        return chain.Build(certificate as X509Certificate2 ?? new X509Certificate2(certificate));
    }
}
