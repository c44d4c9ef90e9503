using System.Net.Sockets;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace AmpaCds.Dicom.Network;

/// <summary>
/// DICOM SCP: accepts TCP connections and runs each association on its own task
/// (C-ECHO built in, C-STORE delegated to <see cref="IDicomServiceHandler"/>).
/// </summary>
public sealed class DicomServer : IAsyncDisposable
{
    private readonly DicomServerOptions _options;
    private readonly IDicomServiceHandler _handler;
    private readonly ILogger _logger;
    private readonly CancellationTokenSource _stopping = new();
    private readonly Lock _connectionsLock = new();
    private readonly HashSet<Task> _connections = [];
    private TcpListener? _listener;
    private Task? _acceptLoop;
    private int _activeAssociations;

    public DicomServer(DicomServerOptions options, IDicomServiceHandler handler, ILogger? logger = null)
    {
        _options = options ?? throw new ArgumentNullException(nameof(options));
        _handler = handler ?? throw new ArgumentNullException(nameof(handler));
        _logger = logger ?? NullLogger.Instance;
    }

    /// <summary>Actual bound port (useful with Port = 0).</summary>
    public int Port { get; private set; }

    internal DicomServerOptions Options => _options;
    internal IDicomServiceHandler Handler => _handler;
    internal ILogger Logger => _logger;

    public Task StartAsync(CancellationToken cancellationToken = default)
    {
        if (_listener is not null) throw new InvalidOperationException("Server already started.");
        cancellationToken.ThrowIfCancellationRequested();
        _listener = new TcpListener(_options.BindAddress, _options.Port);
        _listener.Start(backlog: 128);
        Port = ((System.Net.IPEndPoint)_listener.LocalEndpoint).Port;
        _logger.LogInformation("DICOM server {AeTitle} listening on {Address}:{Port}", _options.AeTitle, _options.BindAddress, Port);
        _acceptLoop = AcceptLoopAsync(_stopping.Token);
        return Task.CompletedTask;
    }

    private async Task AcceptLoopAsync(CancellationToken ct)
    {
        while (!ct.IsCancellationRequested)
        {
            Socket socket;
            try
            {
                socket = await _listener!.AcceptSocketAsync(ct);
            }
            catch (Exception ex) when (ex is OperationCanceledException or ObjectDisposedException)
            {
                break;
            }
            catch (SocketException ex)
            {
                _logger.LogWarning(ex, "Accept failed");
                continue;
            }
            var task = Task.Run(() => new DicomServerAssociation(this, socket).RunAsync(ct), CancellationToken.None);
            lock (_connectionsLock) _connections.Add(task);
            _ = task.ContinueWith(t => { lock (_connectionsLock) _connections.Remove(t); }, TaskScheduler.Default);
        }
    }

    /// <summary>Associations open now (Intake's readiness reports it).</summary>
    public int ActiveAssociations => Math.Max(0, Volatile.Read(ref _activeAssociations));

    /// <summary>Reserves an association slot; false when <see cref="DicomServerOptions.MaxAssociations"/> is reached.</summary>
    internal bool TryEnterAssociation()
    {
        if (Interlocked.Increment(ref _activeAssociations) <= _options.MaxAssociations) return true;
        Interlocked.Decrement(ref _activeAssociations);
        return false;
    }

    internal void ExitAssociation() => Interlocked.Decrement(ref _activeAssociations);

    public async Task StopAsync(CancellationToken cancellationToken = default)
    {
        if (_listener is null) return;
        await _stopping.CancelAsync();
        _listener.Stop();
        Task[] running;
        lock (_connectionsLock) running = [.. _connections];
        if (_acceptLoop is not null) running = [.. running, _acceptLoop];
        try
        {
            await Task.WhenAll(running).WaitAsync(cancellationToken);
        }
        catch (Exception ex) when (ex is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            _logger.LogDebug(ex, "Connection ended with an error during shutdown");
        }
        _listener = null;
        _logger.LogInformation("DICOM server on port {Port} stopped", Port);
    }

    public async ValueTask DisposeAsync()
    {
        await StopAsync();
        _stopping.Dispose();
    }
}
