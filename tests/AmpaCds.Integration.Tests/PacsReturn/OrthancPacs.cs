using System.Diagnostics;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
using AmpaCds.Integration.Tests.Support;

namespace AmpaCds.Integration.Tests.PacsReturn;

/// <summary>
/// Debian's Orthanc as the hospital PACS that receives AmpaCds' objects: a private instance in the test's folder with
/// free DICOM and HTTP ports and its REST API local only. Orthanc 1.10 has no DICOM bind address, so its DICOM port
/// listens on all interfaces for the test's lifetime.
/// </summary>
public sealed class OrthancPacs : IAsyncDisposable
{
    public const string AeTitle = "ORTHANC";

    private readonly Process _process;

    private OrthancPacs(Process process, int dicomPort, HttpClient http)
    {
        _process = process;
        DicomPort = dicomPort;
        Http = http;
    }

    public int DicomPort { get; }

    public HttpClient Http { get; }

    public static async Task<OrthancPacs> StartAsync(string folder)
    {
        Directory.CreateDirectory(folder);
        var dicomPort = FreePort.Next();
        var httpPort = FreePort.Next();
        var config = new JsonObject
        {
            ["Name"] = "AmpaCdsPacsReturn",
            ["StorageDirectory"] = Path.Combine(folder, "storage"),
            ["IndexDirectory"] = Path.Combine(folder, "index"),
            ["DicomAet"] = AeTitle,
            ["DicomPort"] = dicomPort,
            ["HttpPort"] = httpPort,
            ["RemoteAccessAllowed"] = false,
            ["AuthenticationEnabled"] = false,
            ["Plugins"] = new JsonArray(),
        };
        var configPath = Path.Combine(folder, "orthanc.json");
        await File.WriteAllTextAsync(configPath, config.ToJsonString());
        var start = new ProcessStartInfo("Orthanc") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        start.ArgumentList.Add(configPath);
        start.Environment["TCP_NODELAY"] = "1";
        var process = Process.Start(start) ?? throw new InvalidOperationException("Orthanc did not start");
        // Orthanc logs to stderr; drain both pipes so it never blocks on a full buffer.
        process.OutputDataReceived += (_, _) => { };
        process.ErrorDataReceived += (_, _) => { };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        var pacs = new OrthancPacs(process, dicomPort, new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{httpPort}/"), Timeout = TimeSpan.FromSeconds(30) });
        for (var attempt = 0; attempt < 150; attempt++)
        {
            if (process.HasExited)
            {
                throw new InvalidOperationException($"Orthanc exited with code {process.ExitCode} during start-up");
            }
            try
            {
                using var response = await pacs.Http.GetAsync("system");
                if (response.IsSuccessStatusCode)
                {
                    return pacs;
                }
            }
            catch (HttpRequestException)
            {
            }
            await Task.Delay(100);
        }
        await pacs.DisposeAsync();
        throw new TimeoutException("Orthanc's REST API did not answer /system within 15 s");
    }

    /// <summary>Every instance Orthanc holds in the study, with the tags the tests compare.</summary>
    public async Task<IReadOnlyList<OrthancInstance>> InstancesOfStudyAsync(string studyInstanceUid)
    {
        // Orthanc's keys are case-sensitive ("Level", "Query"): written as they are, not through a camel-casing serializer.
        var query = new JsonObject { ["Level"] = "Instance", ["Query"] = new JsonObject { ["StudyInstanceUID"] = studyInstanceUid } };
        using var find = await Http.PostAsync("tools/find", new StringContent(query.ToJsonString()));
        find.EnsureSuccessStatusCode();
        var ids = (await find.Content.ReadFromJsonAsync<List<string>>())!;
        var instances = new List<OrthancInstance>();
        foreach (var id in ids)
        {
            var tags = await Http.GetFromJsonAsync<JsonElement>($"instances/{id}/simplified-tags");
            instances.Add(new OrthancInstance(id, Tag(tags, "Modality"), Tag(tags, "SOPClassUID"), Tag(tags, "SOPInstanceUID"),
                Tag(tags, "SeriesInstanceUID"), Tag(tags, "PatientID")));
        }
        return instances;
    }

    /// <summary>The instance as Orthanc stores it (Part 10), written to <paramref name="path"/>.</summary>
    public async Task SaveFileAsync(string orthancId, string path) =>
        await File.WriteAllBytesAsync(path, await Http.GetByteArrayAsync($"instances/{orthancId}/file"));

    private static string Tag(JsonElement tags, string name) =>
        tags.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString()! : "";

    public async ValueTask DisposeAsync()
    {
        Http.Dispose();
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync();
        }
        _process.Dispose();
    }
}
