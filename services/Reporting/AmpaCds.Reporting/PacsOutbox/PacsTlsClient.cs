using System.Net.Security;
using System.Security.Authentication;
using System.Security.Cryptography.X509Certificates;
using AmpaCds.Dicom.Network;

namespace AmpaCds.Reporting.PacsOutbox;

/// <summary>
/// The TLS settings of one destination as the SCU needs them. The destination's chain must end at the configured CA
/// (custom root trust: a certificate from any other authority, the system's included, is refused) and carry its name.
/// </summary>
public static class PacsTlsClient
{
    public static DicomClientTls? For(PacsDestinationOptions destination)
    {
        ArgumentNullException.ThrowIfNull(destination);
        if (destination.Tls is not { Enabled: true } tls)
        {
            return null;
        }
        var authority = X509CertificateLoader.LoadCertificateFromFile(tls.CaCertificatePath);
        var options = new SslClientAuthenticationOptions
        {
            TargetHost = string.IsNullOrWhiteSpace(tls.ServerName) ? destination.Host : tls.ServerName,
            EnabledSslProtocols = SslProtocols.Tls12 | SslProtocols.Tls13,
            CertificateRevocationCheckMode = X509RevocationMode.NoCheck,
            CertificateChainPolicy = new X509ChainPolicy
            {
                TrustMode = X509ChainTrustMode.CustomRootTrust,
                CustomTrustStore = { authority },
                RevocationMode = X509RevocationMode.NoCheck,
            },
        };
        if (!string.IsNullOrWhiteSpace(tls.ClientCertificatePath))
        {
            // Re-imported so the key is usable by the TLS stack on every platform (an ephemeral PEM key is not on Windows).
            using var pem = X509Certificate2.CreateFromPemFile(tls.ClientCertificatePath, tls.ClientKeyPath);
            options.ClientCertificates = [X509CertificateLoader.LoadPkcs12(pem.Export(X509ContentType.Pkcs12), null)];
        }
        return new DicomClientTls(options);
    }
}
