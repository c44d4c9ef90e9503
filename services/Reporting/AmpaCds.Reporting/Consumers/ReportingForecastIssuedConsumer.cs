using AmpaCds.Contracts.Messages;
using AmpaCds.Reporting.Studies;
using MassTransit;

namespace AmpaCds.Reporting.Consumers;

public sealed class ReportingForecastIssuedConsumer(StudyEventHandler handler) : IConsumer<ResponseForecastIssued>
{
    public Task Consume(ConsumeContext<ResponseForecastIssued> context) => handler.ForecastIssuedAsync(context, context.Message);
}
