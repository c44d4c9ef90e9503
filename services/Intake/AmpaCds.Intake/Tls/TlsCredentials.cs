using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace AmpaCds.Intake.Tls;

/// <summary>Reads the PEM files named by <see cref="IntakeTlsOptions"/>; the validation and the listener read them the same way.</summary>
public static class TlsCredentials
{
    /// <summary>Intake's certificate with its private key, and any further certificates in the file (its chain).</summary>
    public static (X509Certificate2 Certificate, X509Certificate2Collection Chain) LoadServerCertificate(string certificatePath, string keyPath)
    {
        var certificate = X509Certificate2.CreateFromPemFile(certificatePath, keyPath);
        if (!certificate.HasPrivateKey)
        {
            throw new CryptographicException($"{keyPath} holds no private key for {certificate.Subject}");
        }
        var all = new X509Certificate2Collection();
        all.ImportFromPemFile(certificatePath);
        var chain = new X509Certificate2Collection();
        foreach (var extra in all.Skip(1))
        {
            chain.Add(extra);
        }
        return (certificate, chain);
    }

    /// <summary>The trust anchors for peers' client certificates; an empty file is an error, not "trust nobody".</summary>
    public static X509Certificate2Collection LoadTrustedCas(string path)
    {
        var authorities = new X509Certificate2Collection();
        authorities.ImportFromPemFile(path);
        if (authorities.Count == 0)
        {
            throw new CryptographicException($"{path} holds no PEM certificate");
        }
        return authorities;
    }
}
