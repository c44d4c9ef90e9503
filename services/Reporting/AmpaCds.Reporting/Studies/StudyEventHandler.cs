using AmpaCds.Contracts.Messages;
using AmpaCds.Contracts.Reporting;
using AmpaCds.Persistence.Messaging;
using AmpaCds.Reporting.Persistence;
using AmpaCds.Reporting.Studies.Stored;
using MassTransit;

namespace AmpaCds.Reporting.Studies;

/// <summary>
/// Applies each pipeline event to the study record exactly once: the record change, a new report version
/// (if any) and the inbox row commit together; watchers hear of the stage change after the commit.
/// Scoped (one consumer scope, one context).
/// </summary>
public sealed class StudyEventHandler(
    IdempotentEffectRunner<ReportingDbContext> runner,
    StudyRepository repository,
    ReportPublisher reports,
    StudyStageNotifications notifications,
    MessageOutbox outbox,
    TimeProvider clock)
{
    public Task SeriesReceivedAsync(ConsumeContext context, PetSeriesReceived message) =>
        ApplyAsync(context, "reporting-series-received", message.StudyInstanceUid, current =>
        {
            var advanced = StageRules.Advance(current, message.CorrelationId, PipelineStage.Received,
                $"{message.InstanceCount} instances ({message.CompletionReason})");
            var run = advanced with { SeriesInstanceUid = message.SeriesInstanceUid, SeriesBlobPrefix = message.SeriesBlobPrefix };
            return run.CorrelationId == message.CorrelationId
                ? run with
                {
                    InputHash = message.InputHash, SeriesVersion = message.SeriesVersion, ChangeSummary = message.ChangeSummary,
                    PetInstanceUids = message.SopInstanceUids,
                }
                : run;
        });

    public Task UptakeMeasuredAsync(ConsumeContext context, RegionalUptakeMeasured message) =>
        ApplyAsync(context, "reporting-uptake-measured", message.StudyInstanceUid, current =>
        {
            var advanced = StageRules.Advance(current, message.CorrelationId, PipelineStage.Quantified,
                $"{message.Regions.Count} regions, registration similarity {message.Registration.Similarity:F3}");
            return advanced.CorrelationId == message.CorrelationId
                ? advanced with { Uptake = StoredResultMapper.ToStored(message), InputHash = HashOf(advanced, message.InputHash) }
                : advanced;
        });

    public Task ForecastIssuedAsync(ConsumeContext context, ResponseForecastIssued message) =>
        ApplyAsync(context, "reporting-forecast-issued", message.StudyInstanceUid, current =>
        {
            var advanced = StageRules.Advance(current, message.CorrelationId, PipelineStage.Forecast, $"model {message.ModelVersion}");
            return advanced.CorrelationId == message.CorrelationId
                ? advanced with { Forecast = StoredResultMapper.ToStored(message), InputHash = HashOf(advanced, message.InputHash) }
                : advanced;
        });

    public Task DemographicsCapturedAsync(ConsumeContext context, StudyDemographicsCaptured message) =>
        ApplyAsync(context, "reporting-demographics", message.StudyInstanceUid, current => current with
        {
            Patient = new PatientHeader(message.PatientName, message.PatientId, message.StudyDate, message.StudyDescription)
            {
                ReferringPhysicianName = message.ReferringPhysicianName,
                PatientBirthDate = message.PatientBirthDate,
                PatientSex = message.PatientSex,
                StudyTime = message.StudyTime,
                AccessionNumber = message.AccessionNumber,
                StudyId = message.StudyId,
            },
            PetSopClassUid = message.SopClassUid,
        });

    public Task FailedAsync(ConsumeContext context, string studyInstanceUid, Guid correlationId, string reason) =>
        ApplyAsync(context, "reporting-pipeline-failure", studyInstanceUid, current => StageRules.Fail(current, correlationId, reason));

    /// <summary>
    /// Starts a new run of a stored study (the caller checked that its series is stored): stage Received and
    /// QuantificationRequested through the outbox, in one transaction. Returns the run's correlation id.
    /// </summary>
    public async Task<Guid> RequestPredictionAsync(string studyInstanceUid, string reason, CancellationToken cancellationToken,
        StoredClinicalInputs? clinicalInputs = null)
    {
        var correlationId = NewId.NextGuid();
        var changes = new List<StageChange>();
        // The request has no bus message id of its own; the new run's correlation id stands in for it.
        await runner.RunOnceAsync(correlationId, "reporting-api", async (db, ct) =>
        {
            var current = await repository.LoadAsync(studyInstanceUid, ct);
            var updated = StageRules.Advance(current, correlationId, PipelineStage.Received, "prediction requested") with
            {
                ChangeSummary = reason,
                ClinicalInputs = clinicalInputs ?? current.ClinicalInputs,
            };
            await Record(current, updated, changes, ct);
            outbox.Enqueue(db, new QuantificationRequested(correlationId, current.StudyInstanceUid, current.SeriesInstanceUid, current.SeriesBlobPrefix)
            {
                InputHash = current.InputHash,
                Reason = reason,
            }, MessageLineage.Root(correlationId));
        }, cancellationToken);
        notifications.Announce(changes);
        return correlationId;
    }

    private async Task ApplyAsync(ConsumeContext context, string consumerName, string studyInstanceUid, Func<StudyRecord, StudyRecord> change)
    {
        var changes = new List<StageChange>();
        var applied = await runner.RunOnceAsync(context, consumerName, async (_, cancellationToken) =>
        {
            var current = await repository.LoadAsync(studyInstanceUid, cancellationToken);
            await Record(current, change(current), changes, cancellationToken);
        });
        if (applied)
        {
            notifications.Announce(changes);
        }
    }

    /// <summary>Applies the change, renders when the run is complete, saves, and notes each stage step for the watchers.</summary>
    private async Task Record(StudyRecord current, StudyRecord changed, List<StageChange> changes, CancellationToken cancellationToken)
    {
        var rendered = await reports.RenderIfReadyAsync(changed, cancellationToken);
        await repository.SaveAsync(rendered, cancellationToken);
        var now = clock.GetUtcNow();
        if (changed.Stage != current.Stage)
        {
            changes.Add(new StageChange(changed.StudyInstanceUid, changed.Stage, changed.StageDetail, now));
        }
        if (rendered.Stage != changed.Stage)
        {
            changes.Add(new StageChange(rendered.StudyInstanceUid, rendered.Stage, rendered.StageDetail, now));
        }
    }

    /// <summary>The results name the input they were computed from; an older producer that sends none keeps Intake's.</summary>
    private static string HashOf(StudyRecord run, string fromResult) => fromResult is { Length: > 0 } ? fromResult : run.InputHash;
}
