using AmpaCds.Contracts.Messages;
using AmpaCds.Persistence.Messaging;
using MassTransit;

namespace AmpaCds.Persistence.Tests.Support;

/// <summary>
/// A service consumer as the services will write theirs: thin, one RunOnceAsync whose effect writes
/// a row and enqueues three outgoing messages through the outbox.
/// </summary>
public sealed class EffectConsumer(IdempotentEffectRunner<TestServiceDbContext> runner, MessageOutbox outbox, EffectOutcomes outcomes)
    : IConsumer<QuantificationRequested>
{
    public const string Name = "effect-consumer";

    public async Task Consume(ConsumeContext<QuantificationRequested> context)
    {
        var applied = await runner.RunOnceAsync(context, Name, (db, _) =>
        {
            db.Effects.Add(new TestEffect { Id = Guid.NewGuid(), MessageId = context.MessageId!.Value, Value = context.Message.SeriesInstanceUid });
            for (var index = 1; index <= 3; index++)
            {
                outbox.Enqueue(db, new PredictionFailed(context.Message.CorrelationId, context.Message.StudyInstanceUid,
                    context.Message.SeriesInstanceUid, $"reason {index}", DateTimeOffset.UnixEpoch), MessageLineage.From(context));
            }
            return Task.CompletedTask;
        });
        outcomes.Add(context.MessageId!.Value, applied);
    }
}
