using AmpaCds.Intake.Diagnostics;
using AmpaCds.Intake.Telemetry;
using Microsoft.Extensions.DependencyInjection;

namespace AmpaCds.Intake.Series;

/// <summary>Handles one completed series: hashes what is stored, then lets a scoped <see cref="SeriesAnnouncer"/> decide.</summary>
public sealed class SeriesCompletionHandler(SeriesManifestReader manifests, IServiceScopeFactory scopes, IntakeMetrics metrics)
{
    public async Task<AnnouncementOutcome> HandleAsync(CompletedSeries series, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(series);
        // Current while the announcer writes its outbox rows, which store it as their traceparent.
        using var activity = IntakeTelemetry.StartAnnounce(series.StudyUid, series.SeriesUid, series.FirstInstanceSpan);
        activity?.SetTag("ampacds.series.completion_reason", series.CompletionReason);
        var manifest = await manifests.ReadAsync(series.StudyUid, series.SeriesUid, cancellationToken);
        await using var scope = scopes.CreateAsyncScope();
        var outcome = await scope.ServiceProvider.GetRequiredService<SeriesAnnouncer>().AnnounceAsync(series, manifest, cancellationToken);
        metrics.SeriesCompleted(outcome.Announced);
        return outcome;
    }
}
