using System.Collections.Concurrent;
using System.Diagnostics;

namespace AmpaCds.Integration.Tests.Support;

/// <summary>
/// One DCMTK storescu association running in the background with its verbose log kept line by line,
/// so a test can kill the receiver mid-burst and then tell exactly which files got a Success status.
/// </summary>
public sealed class StorescuRun : IAsyncDisposable
{
    private const string SendingPrefix = "I: Sending file: ";
    private const string Success = "I: Received Store Response (Success)";
    private readonly Process _process;
    private readonly ConcurrentQueue<string> _lines = new();

    private StorescuRun(Process process) => _process = process;

    public static StorescuRun Start(int port, IEnumerable<string> files, string calledAe = "AMPACDS")
    {
        var start = new ProcessStartInfo("storescu")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.Environment["TCP_NODELAY"] = "1"; // otherwise every PDU waits on a delayed ACK
        foreach (var argument in (string[])["-v", "-aet", "STORESCU", "-aec", calledAe, "127.0.0.1", port.ToString(System.Globalization.CultureInfo.InvariantCulture), .. files])
        {
            start.ArgumentList.Add(argument);
        }
        var process = Process.Start(start) ?? throw new InvalidOperationException("storescu did not start");
        var run = new StorescuRun(process);
        process.OutputDataReceived += (_, e) => run.Keep(e.Data);
        process.ErrorDataReceived += (_, e) => run.Keep(e.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return run;
    }

    private void Keep(string? line)
    {
        if (line is not null)
        {
            _lines.Enqueue(line);
        }
    }

    /// <summary>Success statuses received so far.</summary>
    public int Acknowledged => _lines.Count(line => line.StartsWith(Success, StringComparison.Ordinal));

    public bool HasExited => _process.HasExited;

    /// <summary>The files whose C-STORE was answered with Success (storescu sends one at a time, so each answer is for the last file named).</summary>
    public IReadOnlyList<string> AcknowledgedFiles()
    {
        var acknowledged = new List<string>();
        string? current = null;
        foreach (var line in _lines)
        {
            if (line.StartsWith(SendingPrefix, StringComparison.Ordinal))
            {
                current = line[SendingPrefix.Length..].Trim();
            }
            else if (line.StartsWith(Success, StringComparison.Ordinal) && current is not null)
            {
                acknowledged.Add(current);
                current = null;
            }
        }
        return acknowledged;
    }

    public string Log => string.Join('\n', _lines);

    public async Task WaitForExitAsync(TimeSpan timeout)
    {
        using var limit = new CancellationTokenSource(timeout);
        await _process.WaitForExitAsync(limit.Token);
    }

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill();
            await _process.WaitForExitAsync();
        }
        _process.Dispose();
    }
}
