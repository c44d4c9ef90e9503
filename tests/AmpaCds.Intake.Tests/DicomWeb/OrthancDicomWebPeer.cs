using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace AmpaCds.Intake.Tests.DicomWeb;

/// <summary>
/// A private Orthanc with its DICOMweb plugin (Debian orthanc, orthanc-dicomweb), REST on a free
/// loopback port, with Intake's /dicomweb registered as DICOMweb server "intake": a real STOW-RS and
/// QIDO-RS client. Its DICOM server is disabled, so it opens no port beyond loopback HTTP.
/// </summary>
public sealed class OrthancDicomWebPeer : IAsyncDisposable
{
    public const string PluginPath = "/usr/share/orthanc/plugins/libOrthancDicomWeb.so";
    private readonly Process _process;
    private readonly string _folder;

    private OrthancDicomWebPeer(Process process, string folder, HttpClient http)
    {
        _process = process;
        _folder = folder;
        Http = http;
    }

    public HttpClient Http { get; }

    public static async Task<OrthancDicomWebPeer> StartAsync(Uri intakeDicomWeb, string bearerToken)
    {
        if (!File.Exists(PluginPath))
        {
            throw new InvalidOperationException($"{PluginPath} is missing: install Debian orthanc-dicomweb (deploy/install-deps.sh)");
        }
        var folder = Path.Combine(Path.GetTempPath(), "ampacds-orthanc-" + Guid.NewGuid().ToString("N")[..8]);
        Directory.CreateDirectory(folder);
        var httpPort = FreePort();
        var config = new JsonObject
        {
            ["Name"] = "AmpaCdsStowPeer",
            ["StorageDirectory"] = Path.Combine(folder, "storage"),
            ["IndexDirectory"] = Path.Combine(folder, "index"),
            ["DicomServerEnabled"] = false,
            ["HttpPort"] = httpPort,
            ["RemoteAccessAllowed"] = false,
            ["AuthenticationEnabled"] = false,
            ["Plugins"] = new JsonArray(PluginPath),
            ["DicomWeb"] = new JsonObject
            {
                ["Enable"] = true,
                ["Root"] = "/dicom-web/",
                // Intake admits PACS callers with a bearer token: Orthanc sends it as a fixed header.
                ["Servers"] = new JsonObject
                {
                    ["intake"] = new JsonObject
                    {
                        ["Url"] = intakeDicomWeb.ToString(),
                        ["HttpHeaders"] = new JsonObject { ["Authorization"] = $"Bearer {bearerToken}" },
                    },
                },
            },
        };
        var configPath = Path.Combine(folder, "orthanc.json");
        await File.WriteAllTextAsync(configPath, config.ToJsonString());
        var start = new ProcessStartInfo("Orthanc") { RedirectStandardError = true, RedirectStandardOutput = true };
        start.ArgumentList.Add(configPath);
        var process = Process.Start(start)!;
        // Orthanc logs to stderr; draining both pipes keeps it from blocking on a full buffer.
        process.OutputDataReceived += (_, _) => { };
        process.ErrorDataReceived += (_, _) => { };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        var peer = new OrthancDicomWebPeer(process, folder,
            new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{httpPort}/"), Timeout = TimeSpan.FromSeconds(60) });
        try
        {
            await peer.WaitForRestApiAsync();
            return peer;
        }
        catch
        {
            await peer.DisposeAsync();
            throw;
        }
    }

    /// <summary>POST /instances; returns Orthanc's id of the instance's study.</summary>
    public async Task<string> UploadAsync(byte[] file)
    {
        using var content = new ByteArrayContent(file);
        content.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue("application/dicom");
        using var response = await Http.PostAsync("instances", content);
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.IsSuccessStatusCode, $"Orthanc refused the upload: {(int)response.StatusCode} {body}");
        return JsonDocument.Parse(body).RootElement.GetProperty("ParentStudy").GetString()!;
    }

    /// <summary>POST to Orthanc's REST API with a JSON body; returns status and body.</summary>
    public async Task<(HttpStatusCode Status, string Body)> PostJsonAsync(string path, JsonObject request)
    {
        using var response = await Http.PostAsync(path, new StringContent(request.ToJsonString()));
        return (response.StatusCode, await response.Content.ReadAsStringAsync());
    }

    private async Task WaitForRestApiAsync()
    {
        for (var attempt = 0; attempt < 150; attempt++)
        {
            if (_process.HasExited)
            {
                throw new InvalidOperationException($"Orthanc exited with code {_process.ExitCode} during start-up");
            }
            try
            {
                using var response = await Http.GetAsync("system");
                if (response.IsSuccessStatusCode)
                {
                    return;
                }
            }
            catch (HttpRequestException)
            {
                // Not listening yet.
            }
            await Task.Delay(100);
        }
        throw new TimeoutException("Orthanc's REST API did not answer /system within 15 s");
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    public async ValueTask DisposeAsync()
    {
        Http.Dispose();
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
        }
        using var wait = new CancellationTokenSource(TimeSpan.FromSeconds(10));
        await _process.WaitForExitAsync(wait.Token);
        _process.Dispose();
        Directory.Delete(_folder, recursive: true);
    }
}
