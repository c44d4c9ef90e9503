using AmpaCds.Contracts.Messages;
using AmpaCds.Persistence.Messaging;
using AmpaCds.Quantification.Pipeline;
using MassTransit;

namespace AmpaCds.Quantification.Consumers;

/// <summary>An explicit request: always measured again, even when the content was quantified before.</summary>
public sealed class QuantifyRequestedSeriesConsumer(SeriesQuantificationHandler handler) : IConsumer<QuantificationRequested>
{
    public const string InboxName = "quantification.quantification-requested";

    public Task Consume(ConsumeContext<QuantificationRequested> context)
    {
        var message = context.Message;
        var messageId = context.MessageId ?? throw new InvalidOperationException($"{InboxName}: the message has no MessageId");
        return handler.HandleAsync(new SeriesQuantificationRequest(InboxName, messageId, message.CorrelationId, message.StudyInstanceUid,
                message.SeriesInstanceUid, message.SeriesBlobPrefix, message.InputHash, SkipWhenAlreadyQuantified: false),
            MessageLineage.From(context), context.CancellationToken);
    }
}
