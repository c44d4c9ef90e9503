using System.Diagnostics;
using AmpaCds.TestSupport;

namespace AmpaCds.Integration.Tests.Support;

/// <summary>
/// A long-running program (a service host, `ampacds serve`) whose output goes to a log file, so a
/// failing test can show what the service said. Killed on dispose.
/// </summary>
public sealed class ServiceProcess : IAsyncDisposable
{
    private readonly Process _process;

    private ServiceProcess(Process process, string name, string logPath)
    {
        _process = process;
        Name = name;
        LogPath = logPath;
    }

    public string Name { get; }

    public string LogPath { get; }

    public bool HasExited => _process.HasExited;

    public static ServiceProcess Start(string name, string assembly, IEnumerable<string> arguments,
        IReadOnlyDictionary<string, string> environment, string logFolder)
    {
        Directory.CreateDirectory(logFolder);
        var logPath = Path.Combine(logFolder, $"{name}.log");
        var start = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            // The host's content root is its build folder, where its appsettings.json lies.
            WorkingDirectory = Path.GetDirectoryName(assembly)!,
        };
        start.ArgumentList.Add(assembly);
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }
        foreach (var (key, value) in environment)
        {
            start.Environment[key] = value;
        }
        var process = Process.Start(start) ?? throw new InvalidOperationException($"{name} did not start");
        var log = new StreamWriter(logPath) { AutoFlush = true };
        var gate = new Lock();
        void Write(string? line)
        {
            if (line is null)
            {
                return;
            }
            lock (gate)
            {
                log.WriteLine(line);
            }
        }
        process.OutputDataReceived += (_, e) => Write(e.Data);
        process.ErrorDataReceived += (_, e) => Write(e.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        process.Exited += (_, _) => { lock (gate) { log.Flush(); } };
        return new ServiceProcess(process, name, logPath);
    }

    public string ReadLog()
    {
        using var stream = new FileStream(LogPath, FileMode.Open, FileAccess.Read, FileShare.ReadWrite);
        return new StreamReader(stream).ReadToEnd();
    }

    /// <summary>
    /// Polls a health URL until it answers 200, the process exits, or the time runs out; an https:// URL is checked
    /// against <paramref name="trust"/>'s CA (a certificate error is retried like a refused connection, then reported).
    /// </summary>
    public async Task WaitHealthyAsync(string url, TimeSpan timeout, HttpVersionPolicy? policy = null, PrivateCaTrust? trust = null)
    {
        using var http = trust is null ? new HttpClient { Timeout = TimeSpan.FromSeconds(2) } : trust.CreateHttpClient(TimeSpan.FromSeconds(2));
        HttpRequestException? lastError = null;
        var deadline = DateTime.UtcNow + timeout;
        while (DateTime.UtcNow < deadline)
        {
            if (_process.HasExited)
            {
                throw new InvalidOperationException($"{Name} exited with {_process.ExitCode}:\n{ReadLog()}");
            }
            try
            {
                using var request = new HttpRequestMessage(HttpMethod.Get, url);
                if (policy is { } p)
                {
                    request.Version = new Version(2, 0);
                    request.VersionPolicy = p;
                }
                using var response = await http.SendAsync(request);
                if (response.IsSuccessStatusCode)
                {
                    return;
                }
            }
            catch (HttpRequestException error)
            {
                lastError = error;
            }
            catch (TaskCanceledException)
            {
            }
            await Task.Delay(250);
        }
        throw new TimeoutException($"{Name} not healthy at {url} within {timeout} (last error: {lastError?.InnerException?.Message ?? lastError?.Message ?? "none"}):\n{ReadLog()}");
    }

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync();
        }
        _process.Dispose();
    }
}
