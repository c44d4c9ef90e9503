using AmpaCds.Contracts.Messages;
using AmpaCds.Persistence.Messaging;
using MassTransit;

namespace AmpaCds.Persistence.Tests.Support;

/// <summary>A downstream service: records what the outbox published.</summary>
public sealed class RecordingConsumer(ReceivedMessages received) : IConsumer<PredictionFailed>, IConsumer<RegionalUptakeMeasured>,
    IConsumer<AuditEventRecorded>
{
    public Task Consume(ConsumeContext<PredictionFailed> context) => Record(context, context.Message);

    public Task Consume(ConsumeContext<RegionalUptakeMeasured> context) => Record(context, context.Message);

    public Task Consume(ConsumeContext<AuditEventRecorded> context) => Record(context, context.Message);

    private Task Record(ConsumeContext context, object message)
    {
        received.Add(new ReceivedMessage(context.MessageId, context.CorrelationId,
            context.Headers.Get<string>(OutboxDispatcher<TestServiceDbContext>.ParentMessageIdHeader), message));
        return Task.CompletedTask;
    }
}
