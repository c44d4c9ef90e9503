using System.Net.Security;
using System.Net.Sockets;

namespace AmpaCds.Dicom.Network;

/// <summary>
/// TLS for an outgoing association (DICOM secure transport connection profile): the caller decides trust, client
/// certificate and protocols in <see cref="Options"/>; the SCU wraps the connection before A-ASSOCIATE-RQ.
/// </summary>
public sealed record DicomClientTls(SslClientAuthenticationOptions Options)
{
    internal async Task<Stream> AuthenticateAsync(Socket socket, TimeSpan timeout, CancellationToken cancellationToken)
    {
        var ssl = new SslStream(new NetworkStream(socket, ownsSocket: true), leaveInnerStreamOpen: false);
        try
        {
            using var limit = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            limit.CancelAfter(timeout);
            await ssl.AuthenticateAsClientAsync(Options, limit.Token);
            return ssl;
        }
        catch
        {
            await ssl.DisposeAsync();
            throw;
        }
    }
}
