using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using AmpaCds.Integration.Tests.Support;

namespace AmpaCds.Integration.Tests.Metrics;

/// <summary>
/// Debian's Prometheus on loopback, in its own folder and on a free port, scraping the given targets every second;
/// queried through its HTTP API as an operator's dashboard would.
/// </summary>
public sealed class PrometheusServer : IAsyncDisposable
{
    public const string Job = "ampacds";

    private readonly Process _process;
    private readonly HttpClient _http;

    private PrometheusServer(Process process, int port)
    {
        _process = process;
        _http = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{port.ToString(CultureInfo.InvariantCulture)}/"), Timeout = TimeSpan.FromSeconds(10) };
    }

    /// <param name="caFile">When given, the targets are scraped over HTTPS trusting this CA (the distributed shape).</param>
    public static async Task<PrometheusServer> StartAsync(string folder, IReadOnlyList<string> targets, string? caFile = null)
    {
        Directory.CreateDirectory(folder);
        var port = FreePort.Next();
        var config = Path.Combine(folder, "prometheus.yml");
        await File.WriteAllTextAsync(config, $"""
            global:
              scrape_interval: 1s
              evaluation_interval: 1s
            scrape_configs:
              - job_name: {Job}
                metrics_path: /metrics
                scheme: {(caFile is null ? "http" : "https")}
            {(caFile is null ? "" : $"    tls_config:\n      ca_file: '{caFile}'\n")}
                static_configs:
                  - targets: [{string.Join(", ", targets.Select(target => $"'{target}'"))}]
            """);
        var start = new ProcessStartInfo("prometheus")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in new[]
        {
            "--config.file=" + config, "--storage.tsdb.path=" + Path.Combine(folder, "data"),
            $"--web.listen-address=127.0.0.1:{port.ToString(CultureInfo.InvariantCulture)}",
        })
        {
            start.ArgumentList.Add(argument);
        }
        var process = Process.Start(start) ?? throw new InvalidOperationException("prometheus did not start");
        var log = Path.Combine(folder, "prometheus.log");
        process.ErrorDataReceived += (_, e) => { if (e.Data is not null) { lock (process) { File.AppendAllText(log, e.Data + "\n"); } } };
        process.OutputDataReceived += (_, _) => { };
        process.BeginErrorReadLine();
        process.BeginOutputReadLine();
        var server = new PrometheusServer(process, port);
        await server.WaitReadyAsync(log);
        return server;
    }

    private async Task WaitReadyAsync(string log)
    {
        for (var attempt = 0; attempt < 120; attempt++)
        {
            if (_process.HasExited)
            {
                break;
            }
            try
            {
                using var response = await _http.GetAsync("-/ready");
                if (response.IsSuccessStatusCode)
                {
                    return;
                }
            }
            catch (HttpRequestException)
            {
                // Not listening yet.
            }
            await Task.Delay(250);
        }
        throw new InvalidOperationException("prometheus did not become ready:\n" + (File.Exists(log) ? await File.ReadAllTextAsync(log) : ""));
    }

    /// <summary>The instant vector of <paramref name="query"/>: each series' labels and value.</summary>
    public async Task<IReadOnlyList<(IReadOnlyDictionary<string, string> Labels, double Value)>> QueryAsync(string query)
    {
        using var response = await _http.GetAsync("api/v1/query?query=" + Uri.EscapeDataString(query));
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.IsSuccessStatusCode, $"{query}: {body}");
        using var json = JsonDocument.Parse(body);
        return json.RootElement.GetProperty("data").GetProperty("result").EnumerateArray()
            .Select(series => ((IReadOnlyDictionary<string, string>)series.GetProperty("metric").EnumerateObject()
                    .ToDictionary(label => label.Name, label => label.Value.GetString() ?? ""),
                double.Parse(series.GetProperty("value")[1].GetString()!, CultureInfo.InvariantCulture)))
            .ToList();
    }

    /// <summary>The single value of <paramref name="query"/>, or null when it has no series (yet).</summary>
    public async Task<double?> ValueAsync(string query) =>
        (await QueryAsync(query)) is [var only] ? only.Value : null;

    /// <summary>Polls until <paramref name="query"/> has a value satisfying <paramref name="done"/> (bounded: at most 240 polls of 250 ms).</summary>
    public async Task<double?> WaitForAsync(string query, Func<double, bool> done)
    {
        double? value = null;
        for (var poll = 0; poll < 240; poll++)
        {
            value = await ValueAsync(query);
            if (value is { } found && done(found))
            {
                return value;
            }
            await Task.Delay(250);
        }
        return value;
    }

    public async ValueTask DisposeAsync()
    {
        _http.Dispose();
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync();
        }
        _process.Dispose();
    }
}
