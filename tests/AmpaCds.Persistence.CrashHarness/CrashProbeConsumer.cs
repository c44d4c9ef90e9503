using AmpaCds.Contracts.Messages;
using AmpaCds.Persistence.Messaging;
using MassTransit;

namespace AmpaCds.Persistence.CrashHarness;

/// <summary>
/// Applies one effect per message. With AMPACDS_CRASH_AFTER_COMMIT=1 the process dies right after
/// the commit and before this method returns, so RabbitMQ never receives the acknowledgement and
/// redelivers the message to the next consumer: the case the inbox exists for.
/// </summary>
public sealed class CrashProbeConsumer(IdempotentEffectRunner<CrashHarnessDbContext> runner) : IConsumer<QuantificationRequested>
{
    public const string Name = "crash-probe";

    public async Task Consume(ConsumeContext<QuantificationRequested> context)
    {
        var messageId = context.MessageId!.Value;
        var applied = await runner.RunOnceAsync(context, Name, (db, _) =>
        {
            db.Effects.Add(new ProbeEffect { Id = Guid.NewGuid(), MessageId = messageId });
            return Task.CompletedTask;
        });
        Console.Out.WriteLine(applied ? $"EFFECT {messageId} redelivered={context.ReceiveContext.Redelivered}" : $"DUPLICATE {messageId} redelivered={context.ReceiveContext.Redelivered}");
        Console.Out.Flush();
        if (applied && Environment.GetEnvironmentVariable("AMPACDS_CRASH_AFTER_COMMIT") == "1")
        {
            Environment.FailFast("crash harness: killed after the commit, before the acknowledgement");
        }
    }
}
