using System.Net.Security;
using System.Net.Sockets;
using System.Security.Cryptography.X509Certificates;
using Microsoft.Extensions.Options;

namespace AmpaCds.Reporting.Audit;

/// <summary>
/// Sends framed syslog messages to the collector over TLS: the collector's certificate must chain to the
/// configured CA (only that CA) and name the configured host; a client certificate is presented when configured.
/// </summary>
public sealed class SyslogTlsSender(IOptions<AuditSyslogOptions> options)
{
    private readonly AuditSyslogOptions _options = options.Value;

    public async Task SendAsync(IReadOnlyList<byte[]> frames, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(frames);
        using var tcp = new TcpClient();
        using (var connect = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken))
        {
            connect.CancelAfter(TimeSpan.FromSeconds(_options.ConnectTimeoutSeconds));
            await tcp.ConnectAsync(_options.Host, _options.Port, connect.Token);
            await using var tls = new SslStream(tcp.GetStream(), leaveInnerStreamOpen: false);
            await tls.AuthenticateAsClientAsync(AuthenticationOptions(), connect.Token);
            foreach (var frame in frames)
            {
                await tls.WriteAsync(frame, cancellationToken);
            }
            await tls.FlushAsync(cancellationToken);
            await tls.ShutdownAsync();
        }
    }

    private SslClientAuthenticationOptions AuthenticationOptions()
    {
        var policy = new X509ChainPolicy
        {
            TrustMode = X509ChainTrustMode.CustomRootTrust,
            RevocationMode = X509RevocationMode.NoCheck,
        };
        policy.CustomTrustStore.Add(X509Certificate2.CreateFromPem(File.ReadAllText(_options.CaCertificatePath)));
        var authentication = new SslClientAuthenticationOptions
        {
            TargetHost = _options.Host,
            CertificateChainPolicy = policy,
        };
        if (!string.IsNullOrWhiteSpace(_options.ClientCertificatePath) && !string.IsNullOrWhiteSpace(_options.ClientKeyPath))
        {
            authentication.ClientCertificates = [X509Certificate2.CreateFromPemFile(_options.ClientCertificatePath, _options.ClientKeyPath)];
        }
        return authentication;
    }
}
