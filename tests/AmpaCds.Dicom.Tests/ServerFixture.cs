using System.Net;
using System.Net.Sockets;
using AmpaCds.Dicom.Network;

namespace AmpaCds.Dicom.Tests;

/// <summary>Starts a loopback <see cref="DicomServer"/> on a free port for one test.</summary>
internal sealed class ServerFixture : IAsyncDisposable
{
    private ServerFixture(DicomServer server, RecordingHandler handler, ListLogger logger)
    {
        Server = server;
        Handler = handler;
        Logger = logger;
    }

    public DicomServer Server { get; }
    public RecordingHandler Handler { get; }
    public ListLogger Logger { get; }
    public int Port => Server.Port;

    public static async Task<ServerFixture> StartAsync(Func<DicomServerOptions, DicomServerOptions>? configure = null)
    {
        var options = new DicomServerOptions { Port = 0, BindAddress = IPAddress.Loopback, ArtimTimeout = TimeSpan.FromSeconds(10) };
        if (configure is not null) options = configure(options);
        var handler = new RecordingHandler();
        var logger = new ListLogger();
        var server = new DicomServer(options, handler, logger);
        await server.StartAsync(CancellationToken.None);
        return new ServerFixture(server, handler, logger);
    }

    public static int FreePort()
    {
        var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        return port;
    }

    public async ValueTask DisposeAsync() => await Server.DisposeAsync();
}
