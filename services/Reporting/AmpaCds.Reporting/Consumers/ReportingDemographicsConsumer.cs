using AmpaCds.Contracts.Messages;
using AmpaCds.Reporting.Studies;
using MassTransit;

namespace AmpaCds.Reporting.Consumers;

/// <summary>
/// Keeps the header fields the report shows in the study record. They may arrive after the run's results
/// (separate queues), so the handler renders the report here too once everything is in.
/// </summary>
public sealed class ReportingDemographicsConsumer(StudyEventHandler handler) : IConsumer<StudyDemographicsCaptured>
{
    public Task Consume(ConsumeContext<StudyDemographicsCaptured> context) => handler.DemographicsCapturedAsync(context, context.Message);
}
