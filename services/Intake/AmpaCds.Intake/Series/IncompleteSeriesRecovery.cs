using AmpaCds.Intake.Storage;
using AmpaCds.ServiceDefaults.Storage;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace AmpaCds.Intake.Series;

/// <summary>
/// At start-up, puts every stored series that was never announced back into the tracker, so a
/// restart in the middle of a study loses nothing: the quiet period then completes it.
/// </summary>
public sealed class IncompleteSeriesRecovery(IBlobStore blobs, SeriesTracker tracker, ILogger<IncompleteSeriesRecovery> logger)
    : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        var recovered = 0;
        var bySeries = (await blobs.ListAsync("studies/", cancellationToken))
            .Select(key => key.Split('/'))
            .Where(parts => parts is ["studies", _, _, "instances", _] && parts[4].EndsWith(".dcm", StringComparison.Ordinal))
            .GroupBy(parts => (Study: parts[1], Series: parts[2]));
        foreach (var series in bySeries)
        {
            if (await blobs.ExistsAsync(SeriesKeys.CompletionMarker(series.Key.Study, series.Key.Series), cancellationToken))
            {
                continue;
            }
            foreach (var parts in series)
            {
                // Expected count unknown here; the quiet period decides completion after a restart.
                tracker.Register(series.Key.Study, series.Key.Series, parts[4][..^4], expectedInstances: null);
            }
            recovered++;
        }
        if (recovered > 0)
        {
            logger.LogInformation("Recovered {Count} series stored before a restart but never announced", recovered);
        }
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
