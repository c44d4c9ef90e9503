using AmpaCds.Contracts.Messages;
using MassTransit;

namespace AmpaCds.Reporting.Audit;

/// <summary>Stores every service's audit events in the repository (each event id once).</summary>
public sealed class AuditEventRecordedConsumer(AuditRecordRepository repository) : IConsumer<AuditEventRecorded>
{
    public Task Consume(ConsumeContext<AuditEventRecorded> context) => repository.StoreAsync(context.Message, context.CancellationToken);
}
