using System.Globalization;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Options;

namespace AmpaCds.ServiceDefaults.Health;

/// <summary>
/// Readiness of the data root's device: unhealthy below AmpaCds:Health:MinimumFreeDiskBytes, so a load balancer stops
/// sending work before writes fail; degraded below twice that, so operations see it coming.
/// </summary>
public sealed class DiskSpaceHealthCheck(IOptions<AmpaCdsOptions> ampaCds, IOptions<HealthOptions> options) : IHealthCheck
{
    public const string Name = "disk";

    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        var free = StorageSpace.FreeBytes(ampaCds.Value.BlobRoot);
        var minimum = options.Value.MinimumFreeDiskBytes;
        var data = new Dictionary<string, object> { ["freeBytes"] = free, ["minimumFreeBytes"] = minimum };
        var text = string.Create(CultureInfo.InvariantCulture, $"{free / 1048576.0:F0} MiB free on the data root's device, minimum {minimum / 1048576.0:F0} MiB");
        var result = free < minimum ? HealthCheckResult.Unhealthy(text, data: data)
            : free < 2 * minimum ? HealthCheckResult.Degraded(text, data: data)
            : HealthCheckResult.Healthy(text, data);
        return Task.FromResult(result);
    }
}
