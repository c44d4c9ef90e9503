using AmpaCds.Contracts.Messages;
using AmpaCds.Reporting.Studies;
using MassTransit;

namespace AmpaCds.Reporting.Consumers;

/// <summary>
/// Keeps the header fields the report shows in the study record. They may arrive after the run's results
/// (separate queues), so the report is rendered here too once everything is in.
/// </summary>
public sealed class ReportingDemographicsConsumer(StudyRecordStore store, ReportPublisher reports) : IConsumer<StudyDemographicsCaptured>
{
    public async Task Consume(ConsumeContext<StudyDemographicsCaptured> context)
    {
        var message = context.Message;
        var record = store.Update(message.StudyInstanceUid, current => current with
        {
            Patient = new PatientHeader(message.PatientName, message.PatientId, message.StudyDate, message.StudyDescription),
        });
        await reports.RenderIfReadyAsync(record, context.CancellationToken);
    }
}
