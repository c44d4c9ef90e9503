using AmpaCds.Contracts.Messages;
using AmpaCds.Prediction.Ensemble;
using AmpaCds.Prediction.Features;
using AmpaCds.Prediction.Outcomes;
using MassTransit;
using Microsoft.Extensions.Logging;

namespace AmpaCds.Prediction.Service;

/// <summary>
/// Forecasts ketamine response from the regional SUVR of a measurement. Features the model
/// refuses (missing, out of range, another atlas) are an answer, published as PredictionFailed.
/// </summary>
public sealed class ForecastConsumer(ActiveModel activeModel, OutcomeStore outcomes, ILogger<ForecastConsumer> logger) : IConsumer<RegionalUptakeMeasured>
{
    /// <summary>How many contributions travel with the message: enough for the report's "top regions".</summary>
    public const int ContributionsInMessage = 5;

    public async Task Consume(ConsumeContext<RegionalUptakeMeasured> context)
    {
        var message = context.Message;
        using var lease = activeModel.Acquire();
        var model = lease.Model;
        try
        {
            var suvr = message.Regions.ToDictionary(region => region.Name, region => region.Suvr, StringComparer.Ordinal);
            var detail = model.Forecast(suvr);
            var forecast = detail.Forecast;
            var issuedAt = DateTimeOffset.UtcNow;
            // Kept so that an outcome recorded later (gRPC RecordOutcome, keyed by study UID) can be compared and retrained on.
            outcomes.RecordForecast(new IssuedForecastRecord(message.StudyInstanceUid, forecast.ModelVersion, suvr,
                forecast.ResponseProbability, forecast.ExpectedMadrsChangePercent, issuedAt));
            await context.Publish(new ResponseForecastIssued(message.CorrelationId, message.StudyInstanceUid, message.SeriesInstanceUid,
                forecast.ResponseProbability, forecast.ExpectedMadrsChangePercent, forecast.ModelVersion,
                model.Card.TrainedOnSyntheticData, issuedAt,
                Interval(detail.ResponseProbabilityInterval90),
                Interval(detail.ExpectedMadrsChangeInterval90),
                detail.TopContributions(ContributionsInMessage)
                    .Select(c => new ResponseForecastIssued.RegionContribution(c.Feature, c.LogitContribution, c.StandardisedDeviation)).ToList(),
                detail.CalibrationMethod,
                model.Card.Summary));
            logger.LogInformation("Run {CorrelationId} forecast with model {Version}", message.CorrelationId, forecast.ModelVersion);
        }
        catch (FeatureValidationException error)
        {
            logger.LogWarning("Run {CorrelationId}: features refused by model {Version}: {Reason}", message.CorrelationId, model.Version, error.Message);
            await context.Publish(new PredictionFailed(message.CorrelationId, message.StudyInstanceUid, message.SeriesInstanceUid,
                $"model {model.Version} refused the features: {error.Message}", DateTimeOffset.UtcNow));
        }
    }

    private static ResponseForecastIssued.Interval? Interval(ForecastInterval? interval) =>
        interval is null ? null : new ResponseForecastIssued.Interval(interval.Lower, interval.Upper);
}
