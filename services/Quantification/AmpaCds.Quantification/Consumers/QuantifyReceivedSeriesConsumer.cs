using AmpaCds.Contracts.Messages;
using AmpaCds.Persistence.Messaging;
using AmpaCds.Quantification.Pipeline;
using MassTransit;

namespace AmpaCds.Quantification.Consumers;

/// <summary>A newly stored series: quantified unless this exact content was already answered.</summary>
public sealed class QuantifyReceivedSeriesConsumer(SeriesQuantificationHandler handler) : IConsumer<PetSeriesReceived>
{
    public const string InboxName = "quantification.series-received";

    public Task Consume(ConsumeContext<PetSeriesReceived> context)
    {
        var message = context.Message;
        var messageId = context.MessageId ?? throw new InvalidOperationException($"{InboxName}: the message has no MessageId");
        return handler.HandleAsync(new SeriesQuantificationRequest(InboxName, messageId, message.CorrelationId, message.StudyInstanceUid,
                message.SeriesInstanceUid, message.SeriesBlobPrefix, message.InputHash, SkipWhenAlreadyQuantified: true),
            MessageLineage.From(context), context.CancellationToken);
    }
}
