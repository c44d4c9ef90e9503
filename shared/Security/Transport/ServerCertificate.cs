using System.Security.Cryptography.X509Certificates;

namespace AmpaCds.Security.Transport;

/// <summary>The server certificate with its key, from the PEM files of <see cref="TlsOptions"/>.</summary>
public static class ServerCertificate
{
    public static X509Certificate2 Load(TlsOptions options) =>
        X509Certificate2.CreateFromPemFile(
            options.CertificatePath ?? throw new InvalidOperationException($"{TlsOptions.Section}:{nameof(TlsOptions.CertificatePath)} is not set"),
            options.KeyPath);
}
