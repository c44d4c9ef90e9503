using AmpaCds.Contracts.Messages;
using MassTransit;
using Microsoft.Extensions.Logging;

namespace AmpaCds.Prediction.Service;

/// <summary>
/// Forecasts ketamine response from the regional SUVR of a measurement. Features the model
/// refuses (missing, out of range, another atlas) are an answer, published as PredictionFailed.
/// </summary>
public sealed class ForecastConsumer(ActiveModel activeModel, ILogger<ForecastConsumer> logger) : IConsumer<RegionalUptakeMeasured>
{
    public async Task Consume(ConsumeContext<RegionalUptakeMeasured> context)
    {
        var message = context.Message;
        var model = activeModel.Current();
        try
        {
            var forecast = model.Predict(message.Regions.ToDictionary(region => region.Name, region => region.Suvr, StringComparer.Ordinal));
            await context.Publish(new ResponseForecastIssued(message.CorrelationId, message.StudyInstanceUid, message.SeriesInstanceUid,
                forecast.ResponseProbability, forecast.ExpectedMadrsChangePercent, forecast.ModelVersion,
                model.Card.TrainedOnSyntheticData, DateTimeOffset.UtcNow));
            logger.LogInformation("Run {CorrelationId} forecast with model {Version}", message.CorrelationId, forecast.ModelVersion);
        }
        catch (FeatureValidationException error)
        {
            logger.LogWarning("Run {CorrelationId}: features refused by model {Version}: {Reason}", message.CorrelationId, model.Version, error.Message);
            await context.Publish(new PredictionFailed(message.CorrelationId, message.StudyInstanceUid, message.SeriesInstanceUid,
                $"model {model.Version} refused the features: {error.Message}", DateTimeOffset.UtcNow));
        }
    }
}
