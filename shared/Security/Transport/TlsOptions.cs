namespace AmpaCds.Security.Transport;

/// <summary>
/// The certificate every HTTPS and gRPC endpoint of a host serves (PEM files; the key unencrypted, readable by the service
/// only). Both or neither: without them a host runs plain HTTP, which only a Development host bound to loopback may do.
/// </summary>
public sealed class TlsOptions
{
    public const string Section = "AmpaCds:Tls";

    /// <summary>The server certificate (PEM), leaf first; deploy/certs.sh makes $AMPACDS_STATE/pki/server.crt.</summary>
    public string? CertificatePath { get; set; }

    /// <summary>Its private key (PEM); deploy/certs.sh makes $AMPACDS_STATE/pki/server.key.</summary>
    public string? KeyPath { get; set; }

    public bool IsConfigured => !string.IsNullOrWhiteSpace(CertificatePath) || !string.IsNullOrWhiteSpace(KeyPath);
}
