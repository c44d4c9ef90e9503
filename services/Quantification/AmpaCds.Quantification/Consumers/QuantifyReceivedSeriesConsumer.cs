using AmpaCds.Contracts.Messages;
using AmpaCds.Quantification.Pipeline;
using MassTransit;

namespace AmpaCds.Quantification.Consumers;

public sealed class QuantifyReceivedSeriesConsumer(SeriesQuantificationHandler handler) : IConsumer<PetSeriesReceived>
{
    public Task Consume(ConsumeContext<PetSeriesReceived> context)
    {
        var message = context.Message;
        return handler.HandleAsync(message.CorrelationId, message.StudyInstanceUid, message.SeriesInstanceUid,
            message.SeriesBlobPrefix, context, context.CancellationToken);
    }
}
