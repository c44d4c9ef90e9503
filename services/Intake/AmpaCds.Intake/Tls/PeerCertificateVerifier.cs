using System.Globalization;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace AmpaCds.Intake.Tls;

/// <summary>
/// Decides whether a peer's client certificate is one Intake accepts: it must chain to one of the configured
/// CAs (never the system store: a public CA vouches for websites, not for PACS nodes), be valid at the
/// current time and allow TLS client authentication. Revocation is not checked (no CRL is configured).
/// </summary>
public sealed class PeerCertificateVerifier(X509Certificate2Collection trustedAuthorities, TimeProvider clock)
{
    private const string ClientAuthenticationOid = "1.3.6.1.5.5.7.3.2";

    /// <summary>Null when the certificate is accepted, otherwise why not (for the log and the audit event).</summary>
    /// <param name="certificate">The peer's certificate.</param>
    /// <param name="presentedIntermediates">Further certificates the peer sent with it.</param>
    public string? Verify(X509Certificate2 certificate, X509Certificate2Collection? presentedIntermediates)
    {
        using var chain = new X509Chain();
        var policy = chain.ChainPolicy;
        policy.TrustMode = X509ChainTrustMode.CustomRootTrust;
        policy.CustomTrustStore.AddRange(trustedAuthorities);
        policy.RevocationMode = X509RevocationMode.NoCheck;
        policy.VerificationTime = clock.GetUtcNow().UtcDateTime;
        policy.ApplicationPolicy.Add(new Oid(ClientAuthenticationOid));
        if (presentedIntermediates is not null)
        {
            policy.ExtraStore.AddRange(presentedIntermediates);
        }
        if (chain.Build(certificate))
        {
            return null;
        }
        var problems = chain.ChainStatus.Aggregate(X509ChainStatusFlags.NoError, (all, status) => all | status.Status);
        return Describe(certificate, problems, chain);
    }

    private string Describe(X509Certificate2 certificate, X509ChainStatusFlags problems, X509Chain chain)
    {
        var subject = $"certificate '{certificate.Subject}'";
        if (problems.HasFlag(X509ChainStatusFlags.UntrustedRoot) || problems.HasFlag(X509ChainStatusFlags.PartialChain))
        {
            return $"{subject} issued by '{certificate.Issuer}' does not chain to a trusted CA";
        }
        if (problems.HasFlag(X509ChainStatusFlags.NotTimeValid))
        {
            var now = clock.GetUtcNow();
            return now > certificate.NotAfter.ToUniversalTime()
                ? $"{subject} expired at {Utc(certificate.NotAfter)}"
                : $"{subject} is not valid before {Utc(certificate.NotBefore)}";
        }
        if (problems.HasFlag(X509ChainStatusFlags.NotValidForUsage))
        {
            return $"{subject} does not allow TLS client authentication (extended key usage)";
        }
        var details = chain.ChainStatus.Select(status => status.StatusInformation.Trim()).Where(text => text.Length > 0).Distinct();
        return $"{subject} was refused: {problems} ({string.Join("; ", details)})";
    }

    private static string Utc(DateTime local) => local.ToUniversalTime().ToString("yyyy-MM-dd HH:mm:ss'Z'", CultureInfo.InvariantCulture);
}
