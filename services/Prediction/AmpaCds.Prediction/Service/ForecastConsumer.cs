using AmpaCds.Contracts.Messages;
using AmpaCds.Persistence.Messaging;
using AmpaCds.Prediction.Persistence;
using MassTransit;

namespace AmpaCds.Prediction.Service;

/// <summary>
/// Forecasts ketamine response from the regional SUVR of a measurement, exactly once per message: the forecast row,
/// the inbox row and the outgoing message commit together (<see cref="ForecastHandler"/> does the work).
/// </summary>
public sealed class ForecastConsumer(IdempotentEffectRunner<PredictionDbContext> runner, ForecastHandler handler) : IConsumer<RegionalUptakeMeasured>
{
    /// <summary>The inbox's name for this consumer; changing it would make every processed message new again.</summary>
    public const string ConsumerName = "prediction-forecast";

    /// <summary>How many contributions travel with the message: enough for the report's "top regions".</summary>
    public const int ContributionsInMessage = ForecastHandler.ContributionsInMessage;

    public Task Consume(ConsumeContext<RegionalUptakeMeasured> context)
    {
        ArgumentNullException.ThrowIfNull(context);
        return runner.RunOnceAsync(context, ConsumerName,
            (db, cancellationToken) => handler.HandleAsync(db, context.Message, MessageLineage.From(context), cancellationToken));
    }
}
