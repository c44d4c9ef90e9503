using System.Net.Security;
using System.Security.Cryptography.X509Certificates;

namespace AmpaCds.Intake.Tls;

/// <summary>
/// One connection's client-certificate check: SslStream only reports "validation failed", so the
/// reason and the subject are kept here for the log line and the audit event.
/// </summary>
internal sealed class TlsHandshakeAttempt(PeerCertificateVerifier? verifier, bool requireClientCertificate)
{
    public string? PeerSubject { get; private set; }

    public string? RefusalReason { get; private set; }

    public bool Validate(X509Certificate? presented, X509Chain? presentedChain)
    {
        if (presented is null)
        {
            if (!requireClientCertificate)
            {
                return true;
            }
            RefusalReason = "no client certificate presented";
            return false;
        }
        var certificate = presented as X509Certificate2 ?? X509CertificateLoader.LoadCertificate(presented.GetRawCertData());
        PeerSubject = certificate.Subject;
        if (verifier is null)
        {
            // No CA configured and none required: a certificate we cannot check is refused rather than trusted.
            RefusalReason = $"certificate '{certificate.Subject}' presented, but no trusted CA is configured";
            return false;
        }
        RefusalReason = verifier.Verify(certificate, presentedChain?.ChainPolicy.ExtraStore);
        return RefusalReason is null;
    }

    public RemoteCertificateValidationCallback Callback => (_, certificate, chain, _) => Validate(certificate, chain);
}
