using System.Net.Security;
using System.Security.Authentication;

namespace AmpaCds.Intake.Tls;

/// <summary>
/// The BCP 195 TLS Secure Transport Connection Profile of PS3.15 B.9 (and the non-downgrading one, B.10,
/// which DCMTK proposes by default): TLS 1.2 and 1.3 only, forward-secret ECDHE key exchange, AES-GCM.
/// </summary>
public static class DicomTlsProfile
{
    public const SslProtocols Protocols = SslProtocols.Tls12 | SslProtocols.Tls13;

    /// <summary>TLS 1.3's AES-GCM suites, then TLS 1.2's ECDHE ones for ECDSA (certs.sh makes P-256 keys) and RSA certificates.</summary>
    public static IReadOnlyList<TlsCipherSuite> CipherSuites { get; } =
    [
        TlsCipherSuite.TLS_AES_256_GCM_SHA384,
        TlsCipherSuite.TLS_AES_128_GCM_SHA256,
        TlsCipherSuite.TLS_ECDHE_ECDSA_WITH_AES_256_GCM_SHA384,
        TlsCipherSuite.TLS_ECDHE_ECDSA_WITH_AES_128_GCM_SHA256,
        TlsCipherSuite.TLS_ECDHE_RSA_WITH_AES_256_GCM_SHA384,
        TlsCipherSuite.TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256,
    ];

    /// <summary>
    /// The suites above as a policy. Windows (SChannel) cannot take a per-connection list; there the
    /// system's policy applies, which must then be restricted by group policy to the same suites.
    /// </summary>
    public static CipherSuitesPolicy? Policy() => OperatingSystem.IsWindows() ? null : new CipherSuitesPolicy(CipherSuites);
}
