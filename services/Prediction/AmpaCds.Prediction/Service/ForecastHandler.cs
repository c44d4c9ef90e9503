using AmpaCds.Contracts.Messages;
using AmpaCds.Domain.Studies;
using AmpaCds.Persistence.Messaging;
using System.Diagnostics;
using AmpaCds.Prediction.Diagnostics;
using AmpaCds.Prediction.Ensemble;
using AmpaCds.Prediction.Features;
using AmpaCds.Prediction.Persistence;
using Microsoft.Extensions.Logging;

namespace AmpaCds.Prediction.Service;

/// <summary>
/// The forecast for one measurement, as an effect on the consumer's unit of work: an IssuedForecasts row and the
/// outgoing ResponseForecastIssued (or PredictionFailed when the model refuses the features) in the outbox. A forecast
/// already issued for the same study, input hash and model is not issued twice: its stored values are published again.
/// </summary>
public sealed class ForecastHandler(ActiveModel activeModel, MessageOutbox outbox, TimeProvider clock, PredictionMetrics metrics, ILogger<ForecastHandler> logger)
{
    /// <summary>How many contributions travel with the message: enough for the report's "top regions".</summary>
    public const int ContributionsInMessage = 5;

    public async Task HandleAsync(PredictionDbContext db, RegionalUptakeMeasured message, MessageLineage lineage, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(message);
        using var lease = activeModel.Acquire();
        var model = lease.Model;
        var suvr = message.Regions.ToDictionary(region => region.Name, region => region.Suvr, StringComparer.Ordinal);
        // Corrected SUVR lie systematically further from 1 than uncorrected ones: a model trained on the other kind would be confidently wrong.
        if (PartialVolumeMismatch.Describe($"model {model.Version}", model.Card.PartialVolumeCorrection, model.Card.PartialVolumeFwhmMm,
                message.PartialVolume?.Method, message.PartialVolume?.FwhmMm) is { } mismatch)
        {
            logger.LogWarning("Run {CorrelationId}: partial-volume correction mismatch: {Reason}", message.CorrelationId, mismatch);
            outbox.Enqueue(db, new PredictionFailed(message.CorrelationId, message.StudyInstanceUid, message.SeriesInstanceUid, mismatch, clock.GetUtcNow()), lineage);
            return;
        }

        DetailedForecast detail;
        var started = Stopwatch.GetTimestamp();
        try
        {
            detail = model.Forecast(suvr);
        }
        catch (FeatureValidationException error)
        {
            logger.LogWarning("Run {CorrelationId}: features refused by model {Version}: {Reason}", message.CorrelationId, model.Version, error.Message);
            outbox.Enqueue(db, new PredictionFailed(message.CorrelationId, message.StudyInstanceUid, message.SeriesInstanceUid,
                $"model {model.Version} refused the features: {error.Message}", clock.GetUtcNow()), lineage);
            return;
        }
        metrics.Predicted(Stopwatch.GetElapsedTime(started));

        // An older message without a hash still must not collapse two different inputs into one forecast.
        var inputHash = message.InputHash is { Length: > 0 } given ? given : FeatureHash.Of(suvr);
        var forecasts = new ForecastRepository(db, clock);
        var row = await forecasts.FindAsync(message.StudyInstanceUid, inputHash, model.Version, cancellationToken);
        if (row is null)
        {
            // Kept so that an outcome recorded later (gRPC RecordOutcome, keyed by study UID) can be compared and retrained on.
            row = forecasts.Add(message.StudyInstanceUid, inputHash, model.Version, new StoredForecastFeatures(suvr),
                detail.Forecast.ResponseProbability, detail.Forecast.ExpectedMadrsChangePercent, message.CorrelationId);
            logger.LogInformation("Run {CorrelationId} forecast with model {Version}", message.CorrelationId, model.Version);
        }
        else
        {
            logger.LogInformation("Run {CorrelationId}: input and model {Version} unchanged since forecast {ForecastId}; issuing the stored forecast again",
                message.CorrelationId, model.Version, row.Id);
        }

        // Counted as it is enqueued: a rolled-back transaction is retried and counts again, so this is "issued at least".
        metrics.ForecastIssued(row.ModelVersion);
        outbox.Enqueue(db, new ResponseForecastIssued(message.CorrelationId, message.StudyInstanceUid, message.SeriesInstanceUid,
            row.ResponseProbability, row.ExpectedMadrsChangePercent, row.ModelVersion,
            model.Card.TrainedOnSyntheticData, new DateTimeOffset(row.IssuedAtUtcTicks, TimeSpan.Zero),
            Interval(detail.ResponseProbabilityInterval90),
            Interval(detail.ExpectedMadrsChangeInterval90),
            detail.TopContributions(ContributionsInMessage)
                .Select(c => new ResponseForecastIssued.RegionContribution(c.Feature, c.LogitContribution, c.StandardisedDeviation)).ToList(),
            detail.CalibrationMethod,
            model.Card.Summary)
        {
            InputHash = message.InputHash,
        }, lineage);
    }

    private static ResponseForecastIssued.Interval? Interval(ForecastInterval? interval) =>
        interval is null ? null : new ResponseForecastIssued.Interval(interval.Lower, interval.Upper);
}
