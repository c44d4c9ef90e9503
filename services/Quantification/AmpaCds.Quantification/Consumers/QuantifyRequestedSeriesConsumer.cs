using AmpaCds.Contracts.Messages;
using AmpaCds.Quantification.Pipeline;
using MassTransit;

namespace AmpaCds.Quantification.Consumers;

public sealed class QuantifyRequestedSeriesConsumer(SeriesQuantificationHandler handler) : IConsumer<QuantificationRequested>
{
    public Task Consume(ConsumeContext<QuantificationRequested> context)
    {
        var message = context.Message;
        return handler.HandleAsync(message.CorrelationId, message.StudyInstanceUid, message.SeriesInstanceUid,
            message.SeriesBlobPrefix, context, context.CancellationToken);
    }
}
