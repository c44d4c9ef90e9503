using AmpaCds.ServiceDefaults;
using AmpaCds.ServiceDefaults.Health;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Options;

namespace AmpaCds.ServiceDefaults.Tests;

public sealed class DiskSpaceHealthCheckTests
{
    private static Task<HealthCheckResult> CheckAsync(long minimumFreeBytes) =>
        new DiskSpaceHealthCheck(Options.Create(new AmpaCdsOptions { DataRoot = Path.Combine(Path.GetTempPath(), "ampacds-disk-check-" + Guid.NewGuid().ToString("N")) }),
                Options.Create(new HealthOptions { MinimumFreeDiskBytes = minimumFreeBytes }))
            .CheckHealthAsync(new HealthCheckContext());

    [Fact]
    public async Task A_device_with_less_than_the_minimum_free_is_not_ready()
    {
        var free = StorageSpace.FreeBytes(Path.GetTempPath());
        var result = await CheckAsync(free * 4);
        Assert.Equal(HealthStatus.Unhealthy, result.Status);
        Assert.Equal(free * 4, result.Data["minimumFreeBytes"]);
    }

    [Fact]
    public async Task Between_the_minimum_and_twice_it_is_degraded_and_above_healthy()
    {
        var free = StorageSpace.FreeBytes(Path.GetTempPath());
        Assert.Equal(HealthStatus.Degraded, (await CheckAsync(free * 2 / 3)).Status);
        var healthy = await CheckAsync(free / 4);
        Assert.Equal(HealthStatus.Healthy, healthy.Status);
        // The data root does not exist yet: its nearest existing parent is measured, on the same device as /tmp.
        Assert.InRange((long)healthy.Data["freeBytes"], free / 2, free * 2);
    }

    [Fact]
    public void A_negative_minimum_is_refused_with_its_key()
    {
        var result = new HealthOptionsValidation().Validate(null, new HealthOptions { MinimumFreeDiskBytes = -1 });
        Assert.True(result.Failed);
        Assert.Contains("AmpaCds:Health:MinimumFreeDiskBytes", result.FailureMessage, StringComparison.Ordinal);
    }
}
