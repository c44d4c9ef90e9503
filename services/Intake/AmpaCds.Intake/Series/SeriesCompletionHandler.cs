using AmpaCds.Intake.Diagnostics;
using Microsoft.Extensions.DependencyInjection;

namespace AmpaCds.Intake.Series;

/// <summary>Handles one completed series: hashes what is stored, then lets a scoped <see cref="SeriesAnnouncer"/> decide.</summary>
public sealed class SeriesCompletionHandler(SeriesManifestReader manifests, IServiceScopeFactory scopes, IntakeMetrics metrics)
{
    public async Task<AnnouncementOutcome> HandleAsync(CompletedSeries series, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(series);
        var manifest = await manifests.ReadAsync(series.StudyUid, series.SeriesUid, cancellationToken);
        await using var scope = scopes.CreateAsyncScope();
        var outcome = await scope.ServiceProvider.GetRequiredService<SeriesAnnouncer>().AnnounceAsync(series, manifest, cancellationToken);
        metrics.SeriesCompleted(outcome.Announced);
        return outcome;
    }
}
