using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;

namespace AmpaCds.Reporting.Tests.Support;

/// <summary>
/// A real rsyslogd on loopback accepting RFC 5425 syslog over TLS (gtls driver, anonymous clients) with the
/// certificates deploy/certs.sh makes, writing each message whole (the raw RFC 5424 text) to a file.
/// </summary>
public sealed class RsyslogCollector : IAsyncDisposable
{
    private const string ModulePath = "/usr/lib/x86_64-linux-gnu/rsyslog";
    private readonly string _folder;
    private Process? _process;

    private RsyslogCollector(string folder, int port)
    {
        _folder = folder;
        Port = port;
    }

    public int Port { get; }

    public string Pki => Path.Combine(_folder, "pki");

    public string OutputFile => Path.Combine(_folder, "received.log");

    /// <summary>Makes the certificates and picks a free port; the daemon starts with <see cref="StartAsync"/>.</summary>
    public static async Task<RsyslogCollector> CreateAsync()
    {
        var folder = Directory.CreateTempSubdirectory("ampacds-rsyslog-").FullName;
        var (exit, output) = await ScriptRunner.RunAsync("bash", [RepositoryRoot.Script("certs.sh"), "create"], TimeSpan.FromMinutes(2),
            new Dictionary<string, string> { ["AMPACDS_STATE"] = folder });
        Assert.True(exit == 0, $"deploy/certs.sh failed: {output}");
        using var probe = new TcpListener(IPAddress.Loopback, 0);
        probe.Start();
        var port = ((IPEndPoint)probe.LocalEndpoint).Port;
        probe.Stop();
        return new RsyslogCollector(folder, port);
    }

    public async Task StartAsync()
    {
        var config = Path.Combine(_folder, "rsyslog.conf");
        var work = Path.Combine(_folder, "work");
        Directory.CreateDirectory(work);
        await File.WriteAllTextAsync(config, string.Create(CultureInfo.InvariantCulture, $$"""
            global(
              workDirectory="{{work}}"
              maxMessageSize="64k"
              DefaultNetstreamDriverCAFile="{{Pki}}/ca.crt"
              DefaultNetstreamDriverCertFile="{{Pki}}/server.crt"
              DefaultNetstreamDriverKeyFile="{{Pki}}/server.key")
            module(load="imtcp" StreamDriver.Name="gtls" StreamDriver.Mode="1" StreamDriver.AuthMode="anon")
            input(type="imtcp" port="{{Port}}" address="127.0.0.1")
            template(name="whole" type="string" string="%rawmsg%\n")
            action(type="omfile" file="{{OutputFile}}" template="whole")
            """));
        var start = new ProcessStartInfo("rsyslogd")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in new[] { "-n", "-f", config, "-i", Path.Combine(_folder, "rsyslogd.pid"), "-M", ModulePath })
        {
            start.ArgumentList.Add(argument);
        }
        _process = Process.Start(start) ?? throw new InvalidOperationException("rsyslogd did not start");
        _process.BeginOutputReadLine();
        _process.BeginErrorReadLine();
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(20);
        while (true)
        {
            Assert.False(_process.HasExited, $"rsyslogd exited with {(_process.HasExited ? _process.ExitCode : 0)}");
            try
            {
                using var client = new TcpClient();
                await client.ConnectAsync(IPAddress.Loopback, Port);
                return;
            }
            catch (SocketException) when (DateTime.UtcNow < deadline)
            {
                await Task.Delay(100);
            }
        }
    }

    /// <summary>Waits (bounded) until the output file contains <paramref name="text"/>; returns the file.</summary>
    public async Task<string> WaitForAsync(string text, TimeSpan timeout)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (true)
        {
            var content = File.Exists(OutputFile) ? await File.ReadAllTextAsync(OutputFile) : "";
            if (content.Contains(text, StringComparison.Ordinal))
            {
                return content;
            }
            Assert.True(DateTime.UtcNow < deadline, $"rsyslogd did not write '{text}' within {timeout}; file has: {content}");
            await Task.Delay(100);
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (_process is { HasExited: false })
        {
            _process.Kill();
            await _process.WaitForExitAsync();
        }
        _process?.Dispose();
        Directory.Delete(_folder, recursive: true);
    }
}
