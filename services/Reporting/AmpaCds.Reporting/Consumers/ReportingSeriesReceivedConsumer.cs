using AmpaCds.Contracts.Messages;
using AmpaCds.Reporting.Studies;
using MassTransit;

namespace AmpaCds.Reporting.Consumers;

public sealed class ReportingSeriesReceivedConsumer(StudyEventHandler handler) : IConsumer<PetSeriesReceived>
{
    public Task Consume(ConsumeContext<PetSeriesReceived> context) => handler.SeriesReceivedAsync(context, context.Message);
}
