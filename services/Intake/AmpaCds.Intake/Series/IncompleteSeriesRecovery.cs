using AmpaCds.Dicom;
using AmpaCds.Intake.Persistence;
using AmpaCds.Intake.Storage;
using AmpaCds.ServiceDefaults.Storage;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace AmpaCds.Intake.Series;

/// <summary>
/// At start-up, puts every stored series whose current content was never announced back into the
/// tracker, so a restart in the middle of a study loses nothing. The database is the record of what
/// was announced: a series whose stored manifest hash equals its latest announcement is left alone,
/// so a restart never announces a series twice. A recovered series keeps the expected count its
/// header gives: complete ones are announced at once, short ones wait for the incomplete-series
/// timeout (the PACS usually re-sends first), others for the quiet period.
/// </summary>
public sealed partial class IncompleteSeriesRecovery(
    IBlobStore blobs,
    SeriesTracker tracker,
    SeriesCompletionQueue queue,
    SeriesManifestReader manifests,
    IServiceScopeFactory scopes,
    ILogger<IncompleteSeriesRecovery> logger) : IHostedService
{
    private static readonly DicomReadOptions HeaderOnly = new() { StopBeforePixelData = true };

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        var recovered = 0;
        var bySeries = (await blobs.ListAsync("studies/", cancellationToken))
            .Select(key => key.Split('/'))
            .Where(parts => parts is ["studies", _, _, "instances", _] && parts[4].EndsWith(".dcm", StringComparison.Ordinal))
            .GroupBy(parts => (Study: parts[1], Series: parts[2]), parts => parts[4][..^4]);
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<IntakeDbContext>();
        foreach (var series in bySeries)
        {
            var instances = series.ToList();
            if (await IsAnnouncedAsync(db, series.Key.Study, series.Key.Series, instances.Count, cancellationToken))
            {
                continue;
            }
            var expected = await ExpectedInstancesAsync(series.Key.Study, series.Key.Series, instances[0], cancellationToken);
            foreach (var sopUid in instances)
            {
                if (tracker.Register(series.Key.Study, series.Key.Series, sopUid, expected) is { } completed)
                {
                    queue.Enqueue(completed);
                }
            }
            recovered++;
        }
        if (recovered > 0)
        {
            LogRecovered(recovered);
        }
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    private async Task<bool> IsAnnouncedAsync(IntakeDbContext db, string studyUid, string seriesUid, int storedCount,
        CancellationToken cancellationToken)
    {
        var latest = await db.LatestAsync(seriesUid, cancellationToken);
        // A different count is a different content: no need to hash to know it was not announced.
        if (latest is null || latest.InstanceCount != storedCount)
        {
            return false;
        }
        var manifest = await manifests.ReadAsync(studyUid, seriesUid, cancellationToken);
        return string.Equals(manifest.InputHash, latest.InputHash, StringComparison.Ordinal);
    }

    private async Task<int?> ExpectedInstancesAsync(string studyUid, string seriesUid, string sopUid, CancellationToken cancellationToken)
    {
        await using var stream = await blobs.OpenReadAsync(SeriesKeys.Instance(studyUid, seriesUid, sopUid), cancellationToken);
        return ExpectedInstanceCount.From(DicomFile.Open(stream, HeaderOnly).Dataset);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Recovered {Count} series stored before a restart whose content was never announced")]
    private partial void LogRecovered(int count);
}
