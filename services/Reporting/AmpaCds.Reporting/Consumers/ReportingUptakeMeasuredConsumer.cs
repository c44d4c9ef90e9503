using AmpaCds.Contracts.Messages;
using AmpaCds.Reporting.Studies;
using MassTransit;

namespace AmpaCds.Reporting.Consumers;

public sealed class ReportingUptakeMeasuredConsumer(StudyEventHandler handler) : IConsumer<RegionalUptakeMeasured>
{
    public Task Consume(ConsumeContext<RegionalUptakeMeasured> context) => handler.UptakeMeasuredAsync(context, context.Message);
}
