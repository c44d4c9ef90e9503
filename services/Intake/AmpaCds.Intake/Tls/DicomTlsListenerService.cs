using AmpaCds.Dicom.Network;
using AmpaCds.Intake.Access;
using AmpaCds.Intake.Dimse;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace AmpaCds.Intake.Tls;

/// <summary>
/// Intake's second DICOM port, over TLS (AmpaCds:Intake:Tls): the same server, handler and peer rules as the plain
/// port, each connection first passed through <see cref="DicomTlsHandshake"/>. Does nothing unless enabled.
/// </summary>
public sealed class DicomTlsListenerService(
    IntakeDicomHandler handler,
    PeerAccessPolicy access,
    DicomTlsHandshake handshake,
    IOptions<IntakeOptions> options,
    ILogger<DicomServer> serverLogger,
    ILogger<DicomTlsListenerService> logger) : IHostedService, IAsyncDisposable
{
    private DicomServer? _server;

    public bool Enabled => options.Value.Tls.Enabled;

    public int? BoundPort => _server?.Port;

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        var settings = options.Value;
        if (!settings.Tls.Enabled)
        {
            return;
        }
        handshake.LoadCredentials();
        _server = new DicomServer(IntakeDicomServerOptions.For(settings, access, settings.Tls.Port) with
        {
            ConnectionSecurity = handshake.SecureAsync,
        }, handler, serverLogger);
        await _server.StartAsync(cancellationToken);
        logger.LogInformation("DICOM TLS SCP {AeTitle} listening on {Address}:{Port} (client certificate {Requirement})",
            settings.AeTitle, settings.BindAddress, _server.Port, settings.Tls.RequireClientCertificate ? "required" : "optional");
    }

    public async Task StopAsync(CancellationToken cancellationToken)
    {
        if (_server is not null)
        {
            await _server.StopAsync(cancellationToken);
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (_server is not null)
        {
            await _server.DisposeAsync();
        }
    }
}
