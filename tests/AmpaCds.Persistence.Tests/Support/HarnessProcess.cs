using System.Collections.Concurrent;
using System.Diagnostics;

namespace AmpaCds.Persistence.Tests.Support;

/// <summary>The crash harness as a real process: its output lines, its exit.</summary>
public sealed class HarnessProcess : IDisposable
{
    private readonly Process _process;
    private readonly ConcurrentQueue<string> _lines = new();

    private HarnessProcess(Process process) => _process = process;

    public string Output => string.Join('\n', _lines);

    public int ExitCode => _process.ExitCode;

    public static HarnessProcess Start(IReadOnlyDictionary<string, string> environment)
    {
        var start = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(RepositoryPaths.CrashHarnessAssembly);
        // FailFast would otherwise try to write a crash dump.
        start.Environment["DOTNET_DbgEnableMiniDump"] = "0";
        foreach (var (key, value) in environment)
        {
            start.Environment[key] = value;
        }
        var process = new Process { StartInfo = start };
        var harness = new HarnessProcess(process);
        process.OutputDataReceived += (_, line) => { if (line.Data is not null) { harness._lines.Enqueue(line.Data); } };
        process.ErrorDataReceived += (_, line) => { if (line.Data is not null) { harness._lines.Enqueue("stderr: " + line.Data); } };
        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return harness;
    }

    /// <summary>Waits (bounded) for an output line starting with <paramref name="prefix"/>.</summary>
    public async Task<string> WaitForLineAsync(string prefix, TimeSpan timeout)
    {
        using var limit = new CancellationTokenSource(timeout);
        while (true)
        {
            var line = _lines.FirstOrDefault(candidate => candidate.StartsWith(prefix, StringComparison.Ordinal));
            if (line is not null)
            {
                return line;
            }
            if (_process.HasExited)
            {
                // The exit may race the last lines into the queue: one more look after the streams close.
                await _process.WaitForExitAsync(CancellationToken.None);
                line = _lines.FirstOrDefault(candidate => candidate.StartsWith(prefix, StringComparison.Ordinal));
                return line ?? throw new InvalidOperationException($"harness exited ({_process.ExitCode}) without '{prefix}':\n{Output}");
            }
            if (limit.IsCancellationRequested)
            {
                throw new TimeoutException($"no '{prefix}' from the harness within {timeout}:\n{Output}");
            }
            await Task.Delay(50, CancellationToken.None);
        }
    }

    public async Task WaitForExitAsync(TimeSpan timeout)
    {
        using var limit = new CancellationTokenSource(timeout);
        try
        {
            await _process.WaitForExitAsync(limit.Token);
        }
        catch (OperationCanceledException)
        {
            throw new TimeoutException($"the harness did not exit within {timeout}:\n{Output}");
        }
    }

    public void Dispose()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            _process.WaitForExit(10_000);
        }
        _process.Dispose();
    }
}
