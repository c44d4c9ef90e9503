using AmpaCds.Dicom.Network;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace AmpaCds.Intake.Dimse;

/// <summary>Runs Intake's DICOM SCP for the lifetime of the host.</summary>
public sealed class DicomListenerService(
    IntakeDicomHandler handler,
    Access.PeerAccessPolicy access,
    IOptions<IntakeOptions> options,
    ILogger<DicomServer> serverLogger,
    ILogger<DicomListenerService> logger) : IHostedService, IAsyncDisposable
{
    private DicomServer? _server;

    /// <summary>
    /// Uncompressed first (nothing to decode), then the lossless compressed syntaxes Intake decodes: a sender
    /// proposing both keeps its work small, a sender holding only compressed images need not decompress them.
    /// </summary>
    public static IReadOnlyList<string> AcceptedTransferSyntaxes { get; } =
        [.. new DicomServerOptions().TransferSyntaxes, .. AmpaCds.Dicom.Codecs.FrameDecoders.TransferSyntaxUids];

    public int? BoundPort => _server?.Port;

    /// <summary>Associations open now on the plain DICOM port.</summary>
    public int ActiveAssociations => _server?.ActiveAssociations ?? 0;

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        var settings = options.Value;
        _server = new DicomServer(IntakeDicomServerOptions.For(settings, access, settings.Port), handler, serverLogger);
        await _server.StartAsync(cancellationToken);
        logger.LogInformation("DICOM SCP {AeTitle} listening on {Address}:{Port}", settings.AeTitle, settings.BindAddress, _server.Port);
    }

    public async Task StopAsync(CancellationToken cancellationToken)
    {
        if (_server is not null)
        {
            await _server.StopAsync();
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
