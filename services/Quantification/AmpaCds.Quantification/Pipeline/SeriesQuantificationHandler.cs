using AmpaCds.Contracts.Messages;
using AmpaCds.Dicom;
using AmpaCds.Domain;
using AmpaCds.Persistence.Messaging;
using System.Diagnostics;
using AmpaCds.Quantification.Diagnostics;
using AmpaCds.Quantification.Loading;
using AmpaCds.Quantification.Longitudinal;
using AmpaCds.Quantification.Persistence;
using AmpaCds.ServiceDefaults.Storage;
using Microsoft.Extensions.Logging;

namespace AmpaCds.Quantification.Pipeline;

/// <summary>
/// Loads a stored series, quantifies it, writes its maps, compares it with the patient's baseline and
/// answers with either the measurement or the reason it could not be made. Input problems are answers,
/// not faults: they are published, not retried.
/// The slow part (loading, registration, map writes under fixed keys) runs outside any transaction and
/// may repeat on a redelivery; only the short effect - the stored rows and the outgoing message through
/// the outbox - is applied once per message, with the inbox row.
/// </summary>
public sealed partial class SeriesQuantificationHandler(
    IBlobStore blobs,
    StudyQuantifier quantifier,
    FollowUpTracker followUps,
    ParametricMapWriter mapWriter,
    StudyResultRepository results,
    IdempotentEffectRunner<QuantificationDbContext> runner,
    MessageOutbox outbox,
    QuantificationOptions options,
    TimeProvider clock,
    QuantificationMetrics metrics,
    ILogger<SeriesQuantificationHandler> logger)
{
    /// <summary>True when this delivery committed an answer (a measurement or a failure); false when it was skipped.</summary>
    public async Task<bool> HandleAsync(SeriesQuantificationRequest request, MessageLineage lineage, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        // Cheap checks first, so a redelivery or a re-sent identical series costs no loading or registration.
        if (await results.WasDeliveredAsync(request.Consumer, request.MessageId, cancellationToken))
        {
            LogRedelivery(request.CorrelationId, request.MessageId);
            return false;
        }
        if (await IsAnsweredAlreadyAsync(request, cancellationToken))
        {
            return false;
        }
        var started = Stopwatch.GetTimestamp();
        var answer = await QuantifyAsync(request, cancellationToken);
        metrics.Quantified(Stopwatch.GetElapsedTime(started), answer.Outcome);
        var published = false;
        await runner.RunOnceAsync(request.MessageId, request.Consumer, async (db, token) =>
        {
            // Another delivery of the same content may have committed while this one computed.
            if (await IsAnsweredAlreadyAsync(request, token))
            {
                return;
            }
            if (answer.Comparison is { } comparison)
            {
                results.AddResult(comparison.PatientKey, request.InputHash, comparison.Current);
            }
            results.AddQuantifiedInput(request.SeriesInstanceUid, request.InputHash, request.CorrelationId, answer.Outcome, clock.GetUtcNow());
            outbox.Enqueue(db, answer.Message, lineage);
            published = true;
        }, cancellationToken);
        return published;
    }

    private async Task<bool> IsAnsweredAlreadyAsync(SeriesQuantificationRequest request, CancellationToken cancellationToken)
    {
        if (!request.SkipWhenAlreadyQuantified || !await results.WasQuantifiedAsync(request.SeriesInstanceUid, request.InputHash, cancellationToken))
        {
            return false;
        }
        LogAlreadyQuantified(request.CorrelationId, request.SeriesInstanceUid, request.InputHash);
        return true;
    }

    private async Task<QuantificationAnswer> QuantifyAsync(SeriesQuantificationRequest request, CancellationToken cancellationToken)
    {
        var (correlationId, studyUid, seriesUid) = (request.CorrelationId, request.StudyInstanceUid, request.SeriesInstanceUid);
        try
        {
            var datasets = await LoadAsync(request.SeriesBlobPrefix, cancellationToken);
            var series = PetSeriesLoader.Load(datasets);
            var result = quantifier.Quantify(series);
            var maps = options.WriteParametricMaps ? await WriteMapsAsync(studyUid, seriesUid, result.Maps, cancellationToken) : null;
            var comparison = await followUps.CompareWithBaselineAsync(series, result, maps?.SuvrMap, cancellationToken);
            if (comparison.ChangeMap is { } changeMap && maps is not null)
            {
                maps = maps with { ChangeMap = await mapWriter.WriteAsync(studyUid, seriesUid, "suvr-change", changeMap, cancellationToken) };
            }
            LogQuantified(correlationId, result.Elapsed.TotalMilliseconds, result.Registration.Similarity, result.Normative?.Version ?? "none",
                comparison.Change is not null);
            var measured = new RegionalUptakeMeasured(correlationId, studyUid, seriesUid, result.Regions,
                result.ReferenceRegion, result.ReferenceSuvMean, result.Registration, result.AtlasVersion,
                result.Suv.Factor, comparison.Current.MeasuredAt, result.Normative, maps, comparison.Change, series.Acquisition, result.PartialVolume,
                comparison.NotComparedReason)
            {
                InputHash = request.InputHash,
            };
            return new QuantificationAnswer(measured, QuantificationOutcome.Measured, comparison);
        }
        // The project's own exceptions say why this input cannot be quantified: a failure reply, not a retry.
        catch (AmpaCdsException error)
        {
            LogCannotQuantify(correlationId, error.Message);
            return new QuantificationAnswer(new QuantificationFailed(correlationId, studyUid, seriesUid, error.Message, clock.GetUtcNow()),
                QuantificationOutcome.Failed, null);
        }
    }

    private async Task<ParametricMapKeys> WriteMapsAsync(string studyUid, string seriesUid, TemplateSpaceMaps maps, CancellationToken cancellationToken) =>
        new(await mapWriter.WriteAsync(studyUid, seriesUid, "suv", maps.Suv, cancellationToken),
            await mapWriter.WriteAsync(studyUid, seriesUid, "suvr", maps.Suvr, cancellationToken),
            maps.Z is null ? null : await mapWriter.WriteAsync(studyUid, seriesUid, "z", maps.Z, cancellationToken));

    private async Task<IReadOnlyList<DicomDataset>> LoadAsync(string prefix, CancellationToken cancellationToken)
    {
        var keys = (await blobs.ListAsync(prefix, cancellationToken)).Where(key => key.EndsWith(".dcm", StringComparison.Ordinal)).ToList();
        if (keys.Count == 0)
        {
            throw new PetSeriesException($"no stored instances under '{prefix}'");
        }
        var datasets = new DicomDataset[keys.Count];
        await Parallel.ForEachAsync(Enumerable.Range(0, keys.Count), cancellationToken, async (index, token) =>
            datasets[index] = DicomFile.Open(await blobs.GetAsync(keys[index], token)).Dataset);
        return datasets;
    }

    /// <summary>The outgoing message, its stored outcome and, when measured, what to store of the study.</summary>
    private sealed record QuantificationAnswer(object Message, string Outcome, FollowUpComparison? Comparison);

    [LoggerMessage(Level = LogLevel.Information, Message = "Run {CorrelationId} quantified in {Elapsed} ms, registration similarity {Similarity:F3}, normative database {Normative}, follow-up {FollowUp}")]
    private partial void LogQuantified(Guid correlationId, double elapsed, double similarity, string normative, bool followUp);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Run {CorrelationId} cannot be quantified: {Reason}")]
    private partial void LogCannotQuantify(Guid correlationId, string reason);

    [LoggerMessage(Level = LogLevel.Information, Message = "Run {CorrelationId}: input already quantified (series {SeriesInstanceUid}, input {InputHash}); nothing published")]
    private partial void LogAlreadyQuantified(Guid correlationId, string seriesInstanceUid, string inputHash);

    [LoggerMessage(Level = LogLevel.Debug, Message = "Run {CorrelationId}: message {MessageId} was already processed; skipped")]
    private partial void LogRedelivery(Guid correlationId, Guid messageId);
}
