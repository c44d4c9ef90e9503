namespace AmpaCds.Intake.Tls;

/// <summary>
/// The second DICOM port, over TLS (section "AmpaCds:Intake:Tls"): PS3.15 Annex B secure transport with
/// the BCP 195 profile. Off by default; the plain port keeps running beside it.
/// </summary>
public sealed class IntakeTlsOptions
{
    /// <summary>The port IANA registered for DICOM over TLS.</summary>
    public const int RegisteredPort = 2762;

    public bool Enabled { get; set; }

    /// <summary>0 asks the system for a free port (tests use it).</summary>
    public int Port { get; set; } = RegisteredPort;

    /// <summary>Intake's certificate (PEM), with its chain after it if an intermediate CA issued it.</summary>
    public string CertificatePath { get; set; } = "";

    /// <summary>The certificate's private key (PEM, unencrypted).</summary>
    public string KeyPath { get; set; } = "";

    /// <summary>PEM of the CA certificate(s) whose client certificates are accepted; the system trust store is not used.</summary>
    public string TrustedPeersCaPath { get; set; } = "";

    /// <summary>Whether a peer must present a certificate from a trusted CA (mutual TLS, as Annex B intends).</summary>
    public bool RequireClientCertificate { get; set; } = true;
}
