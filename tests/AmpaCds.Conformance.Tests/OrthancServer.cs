using System.Diagnostics;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
using AmpaCds.Dicom.Tests;

namespace AmpaCds.Conformance.Tests;

/// <summary>
/// A private Orthanc (Debian package, binary "Orthanc") in a temp folder: free DICOM and HTTP ports, REST API local only,
/// Intake registered as modality "ampacds". Started with TCP_NODELAY=1 (DCMTK inside Orthanc honours it).
/// Orthanc 1.10 has no DICOM bind-address option, so its DICOM port listens on all interfaces for the test's lifetime.
/// </summary>
public sealed class OrthancServer : IAsyncDisposable
{
    public const string AeTitle = "ORTHANC";
    public const string IntakeModality = "ampacds";

    /// <summary>Intake again, with transcoding off: Orthanc proposes only the syntax each instance is stored in.</summary>
    public const string IntakeModalityAsStored = "ampacds-as-stored";

    private readonly Process _process;
    private readonly TempDirectory _dir;

    private OrthancServer(Process process, TempDirectory dir, int dicomPort, HttpClient http)
    {
        _process = process;
        _dir = dir;
        DicomPort = dicomPort;
        Http = http;
    }

    public int DicomPort { get; }
    public HttpClient Http { get; }

    public static async Task<OrthancServer> StartAsync(int intakePort)
    {
        var dir = new TempDirectory();
        var dicomPort = IntakeNode.FreePort();
        var httpPort = IntakeNode.FreePort();
        var config = new JsonObject
        {
            ["Name"] = "AmpaCdsConformance",
            ["StorageDirectory"] = dir.File("storage"),
            ["IndexDirectory"] = dir.File("index"),
            ["DicomAet"] = AeTitle,
            ["DicomPort"] = dicomPort,
            ["HttpPort"] = httpPort,
            ["RemoteAccessAllowed"] = false,
            ["AuthenticationEnabled"] = false,
            ["Plugins"] = new JsonArray(),
            ["DicomAlwaysAllowFind"] = true,
            ["DicomAlwaysAllowMove"] = true,
            ["DicomScuTimeout"] = 10,
            ["StableAge"] = 1,
            ["DicomModalities"] = new JsonObject
            {
                [IntakeModality] = new JsonArray("AMPACDS", "127.0.0.1", intakePort),
                [IntakeModalityAsStored] = new JsonObject
                {
                    ["AET"] = "AMPACDS", ["Host"] = "127.0.0.1", ["Port"] = intakePort, ["AllowTranscoding"] = false,
                },
            },
        };
        var configPath = dir.File("orthanc.json");
        await File.WriteAllTextAsync(configPath, config.ToJsonString());
        var process = ExternalTool.Start("Orthanc", [configPath]);
        // Orthanc logs to stderr; drain both pipes so it never blocks on a full buffer.
        process.OutputDataReceived += (_, _) => { };
        process.ErrorDataReceived += (_, _) => { };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        var http = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{httpPort}/"), Timeout = TimeSpan.FromSeconds(30) };
        var server = new OrthancServer(process, dir, dicomPort, http);
        try
        {
            await server.WaitForRestApiAsync();
            return server;
        }
        catch
        {
            await server.DisposeAsync();
            throw;
        }
    }

    private async Task WaitForRestApiAsync()
    {
        for (var attempt = 0; attempt < 150; attempt++)
        {
            if (_process.HasExited) throw new InvalidOperationException($"Orthanc exited with code {_process.ExitCode} during start-up.");
            try
            {
                using var response = await Http.GetAsync("system");
                if (response.IsSuccessStatusCode) return;
            }
            catch (HttpRequestException) { }
            await Task.Delay(100);
        }
        throw new TimeoutException("Orthanc's REST API did not answer /system within 15 s.");
    }

    /// <summary>POST /instances; returns Orthanc's id of the instance's study.</summary>
    public async Task<string> UploadAsync(string path)
    {
        using var content = new ByteArrayContent(await File.ReadAllBytesAsync(path));
        content.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue("application/dicom");
        using var response = await Http.PostAsync("instances", content);
        response.EnsureSuccessStatusCode();
        var json = await response.Content.ReadFromJsonAsync<JsonElement>();
        return json.GetProperty("ParentStudy").GetString()!;
    }

    /// <summary>POST /modalities/{modality}/store: Orthanc C-STOREs the resource to Intake (synchronous job).</summary>
    public async Task<JsonElement> PushToIntakeAsync(string orthancId, string modality = IntakeModality)
    {
        using var response = await Http.PostAsync($"modalities/{modality}/store", new StringContent(orthancId));
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.IsSuccessStatusCode, $"Orthanc store to Intake failed: {(int)response.StatusCode} {body}");
        return JsonDocument.Parse(body).RootElement.Clone();
    }

    /// <summary>
    /// POST /modalities/ampacds/query: Orthanc sends a C-FIND to Intake; returns each answer's tags
    /// ("gggg,eeee" lower case, as Orthanc's simplify=false content keys) with their values.
    /// </summary>
    public async Task<List<Dictionary<string, string>>> QueryIntakeAsync(string level, Dictionary<string, string> keys)
    {
        var body = new JsonObject { ["Level"] = level, ["Query"] = new JsonObject(keys.Select(pair => KeyValuePair.Create(pair.Key, (JsonNode?)pair.Value))) };
        using var response = await Http.PostAsync($"modalities/{IntakeModality}/query", new StringContent(body.ToJsonString()));
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.IsSuccessStatusCode, $"Orthanc query to Intake failed: {(int)response.StatusCode} {text}");
        var queryId = JsonDocument.Parse(text).RootElement.GetProperty("ID").GetString();
        var answers = new List<Dictionary<string, string>>();
        foreach (var index in (await GetAsync($"queries/{queryId}/answers")).EnumerateArray())
        {
            var content = await GetAsync($"queries/{queryId}/answers/{index.GetString()}/content");
            answers.Add(content.EnumerateObject().ToDictionary(tag => tag.Name.ToLowerInvariant(),
                tag => tag.Value.TryGetProperty("Value", out var value) && value.ValueKind == JsonValueKind.String ? value.GetString()! : ""));
        }
        return answers;
    }

    /// <summary>Orthanc's id for a DICOM UID (study, series or instance), or null when Orthanc does not hold it.</summary>
    public async Task<string?> LookupAsync(string dicomUid)
    {
        using var response = await Http.PostAsync("tools/lookup", new StringContent(dicomUid));
        response.EnsureSuccessStatusCode();
        var matches = await response.Content.ReadFromJsonAsync<JsonElement>();
        return matches.GetArrayLength() == 0 ? null : matches[0].GetProperty("ID").GetString();
    }

    public async Task<JsonElement> GetAsync(string path) => await Http.GetFromJsonAsync<JsonElement>(path);

    public async ValueTask DisposeAsync()
    {
        Http.Dispose();
        if (!_process.HasExited) _process.Kill(entireProcessTree: true);
        using var wait = new CancellationTokenSource(TimeSpan.FromSeconds(10));
        await _process.WaitForExitAsync(wait.Token);
        _process.Dispose();
        _dir.Dispose();
    }
}
