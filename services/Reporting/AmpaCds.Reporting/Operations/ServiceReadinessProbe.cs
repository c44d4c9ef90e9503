using System.Text.Json;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Options;

namespace AmpaCds.Reporting.Operations;

/// <summary>
/// The readiness of this process (its own health checks: in the embedded shape all four services' checks) and of each
/// configured service (<see cref="OperationsOptions.Services"/>), read from their /health/ready JSON.
/// </summary>
public sealed class ServiceReadinessProbe(HealthCheckService health, IHttpClientFactory http, IOptions<OperationsOptions> options)
{
    public const string HttpClientName = "ampacds-ops-health";

    /// <summary>This process's own entry: the gateway (in the embedded shape, all four services in one process).</summary>
    public const string Gateway = "gateway";

    public async Task<IReadOnlyList<ServiceReadiness>> ReadAsync(CancellationToken cancellationToken)
    {
        var own = await health.CheckHealthAsync(cancellationToken);
        var results = new List<ServiceReadiness>
        {
            new(Gateway, own.Status.ToString(),
                own.Entries.OrderBy(entry => entry.Key, StringComparer.Ordinal)
                    .Select(entry => new ReadinessCheck(entry.Key, entry.Value.Status.ToString(), entry.Value.Description ?? entry.Value.Exception?.Message ?? ""))
                    .ToList(),
                null),
        };
        var remote = options.Value.Services.Select(monitored => ReadRemoteAsync(monitored, cancellationToken));
        results.AddRange(await Task.WhenAll(remote));
        return results;
    }

    private async Task<ServiceReadiness> ReadRemoteAsync(MonitoredService monitored, CancellationToken cancellationToken)
    {
        try
        {
            using var client = http.CreateClient(HttpClientName);
            // An unready service answers 503 with the same JSON: the body says which check failed.
            using var response = await client.GetAsync(new Uri(monitored.HealthUrl), cancellationToken);
            using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync(cancellationToken));
            var checks = json.RootElement.GetProperty("checks").EnumerateArray()
                .Select(check => new ReadinessCheck(
                    check.GetProperty("name").GetString() ?? "",
                    check.GetProperty("status").GetString() ?? "",
                    check.TryGetProperty("description", out var description) && description.ValueKind == JsonValueKind.String ? description.GetString()! : ""))
                .ToList();
            return new ServiceReadiness(monitored.Name, json.RootElement.GetProperty("status").GetString() ?? "", checks, null);
        }
        catch (Exception error) when (error is HttpRequestException or JsonException or TaskCanceledException or KeyNotFoundException or InvalidOperationException)
        {
            return new ServiceReadiness(monitored.Name, "Unreachable", [], error.Message);
        }
    }
}
