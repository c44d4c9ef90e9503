using System.Diagnostics;
using System.Globalization;

namespace AmpaCds.Integration.Tests.PacsReturn;

/// <summary>
/// DCMTK storescp as a PACS destination, writing every received object to a file of its own (+uf: a second copy of
/// an object would be a second file, so duplicates show). With a profile it accepts only what the profile lists.
/// </summary>
public sealed class StorescpPeer : IAsyncDisposable
{
    public const string AeTitle = "STORESCP";

    private readonly Process _process;
    private bool _disposed;

    private StorescpPeer(Process process, string folder)
    {
        _process = process;
        Folder = folder;
    }

    public string Folder { get; }

    public IReadOnlyList<string> ReceivedFiles => Directory.GetFiles(Folder);

    /// <param name="configFile">A storescp association configuration (-xf FILE PROFILE), or null to accept every storage SOP class.</param>
    /// <param name="extraArguments">More storescp options, e.g. +tls KEY CERT +cf CA for DICOM TLS.</param>
    public static async Task<StorescpPeer> StartAsync(int port, string folder, string? configFile = null, string? profile = null,
        IReadOnlyList<string>? extraArguments = null)
    {
        Directory.CreateDirectory(folder);
        var start = new ProcessStartInfo("storescp") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var argument in (string[])["-aet", AeTitle, "-od", folder, "+uf"])
        {
            start.ArgumentList.Add(argument);
        }
        if (configFile is not null)
        {
            start.ArgumentList.Add("-xf");
            start.ArgumentList.Add(configFile);
            start.ArgumentList.Add(profile!);
        }
        foreach (var argument in extraArguments ?? [])
        {
            start.ArgumentList.Add(argument);
        }
        start.ArgumentList.Add(port.ToString(CultureInfo.InvariantCulture));
        start.Environment["TCP_NODELAY"] = "1";
        var process = Process.Start(start) ?? throw new InvalidOperationException("storescp did not start");
        process.OutputDataReceived += (_, _) => { };
        process.ErrorDataReceived += (_, _) => { };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        // Listening once a connection succeeds.
        for (var attempt = 0; attempt < 100; attempt++)
        {
            if (process.HasExited)
            {
                throw new InvalidOperationException($"storescp exited with code {process.ExitCode}");
            }
            try
            {
                using var probe = new System.Net.Sockets.TcpClient();
                await probe.ConnectAsync("127.0.0.1", port);
                return new StorescpPeer(process, folder);
            }
            catch (System.Net.Sockets.SocketException)
            {
                await Task.Delay(100);
            }
        }
        throw new TimeoutException($"storescp did not listen on port {port} within 10 s");
    }

    /// <summary>Stops storescp; safe to call again (a test stops it early to put another PACS on its port).</summary>
    public async ValueTask DisposeAsync()
    {
        if (_disposed)
        {
            return;
        }
        _disposed = true;
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync();
        }
        _process.Dispose();
    }
}
