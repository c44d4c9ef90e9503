using System.Diagnostics.Metrics;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace AmpaCds.ServiceDefaults.Telemetry;

/// <summary>
/// ampacds_storage_free_bytes: free space on the device of the data root, read at each scrape, so the disk alert
/// fires before Intake starts refusing instances (it refuses below AmpaCds:Intake:MinimumFreeDiskBytes).
/// A hosted service only so that the gauge exists from the start; it has no work of its own. It reads the blob root
/// itself rather than through IBlobStore: Intake's decorated store would open its journal before its own start.
/// </summary>
public sealed class StorageMetrics : IHostedService
{
    public const string MeterName = "AmpaCds.Storage";

    public StorageMetrics(IMeterFactory meters, IOptions<AmpaCdsOptions> options)
    {
        ArgumentNullException.ThrowIfNull(meters);
        ArgumentNullException.ThrowIfNull(options);
        var root = options.Value.BlobRoot;
        meters.Create(MeterName).CreateObservableGauge("free_bytes", () => Health.StorageSpace.FreeBytes(root), unit: "By",
            description: "Free bytes on the device holding the data root (blob store)");
    }

    public Task StartAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
