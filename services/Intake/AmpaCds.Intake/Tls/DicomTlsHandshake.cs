using System.Net;
using System.Net.Security;
using System.Net.Sockets;
using System.Security.Authentication;
using System.Security.Cryptography.X509Certificates;
using AmpaCds.Security.Audit;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace AmpaCds.Intake.Tls;

/// <summary>
/// Turns an accepted connection on the DICOM TLS port into an authenticated <see cref="SslStream"/>, or refuses it:
/// a peer that does not speak TLS, offers only old protocols or suites, or has no certificate from a trusted CA is
/// logged (one line: address and reason) and audited as a node authentication failure, and never reaches DICOM.
/// </summary>
public sealed class DicomTlsHandshake(IOptions<IntakeOptions> options, IAuditTrail audit, TimeProvider clock, ILogger<DicomTlsHandshake> logger)
{
    private const byte TlsHandshakeRecord = 0x16;
    private const byte AssociateRequestPdu = 0x01;

    private readonly IntakeTlsOptions _settings = options.Value.Tls;
    private SslStreamCertificateContext? _serverCertificate;
    private PeerCertificateVerifier? _verifier;
    private long _refused;

    /// <summary>Connections refused since start (shown by the health check).</summary>
    public long RefusedConnections => Interlocked.Read(ref _refused);

    /// <summary>Loads the certificate and the trusted CAs now, so a file that changed since validation fails the start.</summary>
    public void LoadCredentials()
    {
        var trusted = string.IsNullOrWhiteSpace(_settings.TrustedPeersCaPath) ? null : TlsCredentials.LoadTrustedCas(_settings.TrustedPeersCaPath);
        _verifier = trusted is null ? null : new PeerCertificateVerifier(trusted, clock);
        _serverCertificate = LoadServerCertificate(_settings, trusted);
    }

    /// <summary>The <see cref="AmpaCds.Dicom.Network.DicomServerOptions.ConnectionSecurity"/> of the TLS port; the token bounds the handshake.</summary>
    public async Task<Stream?> SecureAsync(Socket socket, CancellationToken cancellationToken)
    {
        var peer = (socket.RemoteEndPoint as IPEndPoint)?.Address.ToString();
        var port = (socket.LocalEndPoint as IPEndPoint)?.Port ?? _settings.Port;
        if (await NotTlsAsync(socket, cancellationToken) is { } notTls)
        {
            if (notTls.Length > 0)
            {
                await RefuseAsync(peer, port, subject: null, notTls);
            }
            return null;
        }
        if (_serverCertificate is null)
        {
            throw new InvalidOperationException($"{nameof(LoadCredentials)} must run before the TLS port accepts connections");
        }
        var attempt = new TlsHandshakeAttempt(_verifier, _settings.RequireClientCertificate);
        var tls = new SslStream(new NetworkStream(socket, ownsSocket: true), leaveInnerStreamOpen: false);
        try
        {
            await tls.AuthenticateAsServerAsync(ServerOptions(attempt), cancellationToken);
            logger.LogInformation("DICOM TLS connection from {Peer}: {Protocol} {CipherSuite}, peer certificate {Subject}",
                peer, tls.SslProtocol, tls.NegotiatedCipherSuite, attempt.PeerSubject ?? "none");
            return tls;
        }
        catch (Exception ex) when (ex is AuthenticationException or IOException or OperationCanceledException)
        {
            await tls.DisposeAsync();
            var reason = attempt.RefusalReason ?? (ex is OperationCanceledException ? "no TLS handshake completed within the association idle timeout" : Describe(ex));
            await RefuseAsync(peer, port, attempt.PeerSubject, reason);
            return null;
        }
    }

    /// <summary>
    /// Looks at the first byte without consuming it: "" for a connection closed before sending anything (a port
    /// probe; not worth an audit event), a reason for one that is not a TLS handshake, null to go on with TLS.
    /// </summary>
    private static async Task<string?> NotTlsAsync(Socket socket, CancellationToken cancellationToken)
    {
        var first = new byte[1];
        try
        {
            if (await socket.ReceiveAsync(first, SocketFlags.Peek, cancellationToken) == 0)
            {
                return "";
            }
        }
        catch (OperationCanceledException)
        {
            return "nothing received within the association idle timeout";
        }
        catch (SocketException)
        {
            return "";
        }
        return first[0] switch
        {
            TlsHandshakeRecord => null,
            AssociateRequestPdu => "plain DICOM (A-ASSOCIATE-RQ without TLS) on the TLS port",
            _ => $"not a TLS handshake (first byte 0x{first[0]:X2})",
        };
    }

    private SslServerAuthenticationOptions ServerOptions(TlsHandshakeAttempt attempt) => new()
    {
        ServerCertificateContext = _serverCertificate,
        ClientCertificateRequired = _settings.RequireClientCertificate,
        EnabledSslProtocols = DicomTlsProfile.Protocols,
        CipherSuitesPolicy = DicomTlsProfile.Policy(),
        CertificateRevocationCheckMode = X509RevocationMode.NoCheck,
        AllowRenegotiation = false,
        RemoteCertificateValidationCallback = attempt.Callback,
    };

    private async Task RefuseAsync(string? peer, int port, string? subject, string reason)
    {
        Interlocked.Increment(ref _refused);
        logger.LogWarning("DICOM TLS connection from {Peer} refused: {Reason}", peer, reason);
        var auditEvent = new AuditEvent(AuditEventKind.NodeAuthenticationRefused, AuditOutcome.MinorFailure, clock.GetUtcNow(),
            new AuditActor(subject ?? AuditActor.Anonymous, [], peer),
            [new AuditObject(AuditObjectKind.Node, $"dicom-tls:{port}")],
            reason);
        try
        {
            // Not the connection's token: a refusal is recorded even while the listener stops.
            await audit.RecordAsync(auditEvent, CancellationToken.None);
        }
        catch (Exception ex)
        {
            logger.LogError(ex, "Audit event for the refused DICOM TLS connection from {Peer} could not be recorded", peer);
        }
    }

    private static string Describe(Exception ex) =>
        ex.InnerException is { } inner ? $"TLS handshake failed: {ex.Message} ({inner.Message})" : $"TLS handshake failed: {ex.Message}";

    /// <summary>The trusted CAs are named in the CertificateRequest, so a peer holding several certificates sends the right one.</summary>
    private static SslStreamCertificateContext LoadServerCertificate(IntakeTlsOptions settings, X509Certificate2Collection? trusted)
    {
        var (certificate, chain) = TlsCredentials.LoadServerCertificate(settings.CertificatePath, settings.KeyPath);
        var trust = trusted is null || OperatingSystem.IsWindows() ? null : SslCertificateTrust.CreateForX509Collection(trusted, sendTrustInHandshake: true);
        return SslStreamCertificateContext.Create(certificate, chain, offline: true, trust);
    }
}
