using AmpaCds.Contracts.Messages;
using AmpaCds.Contracts.Reporting;
using AmpaCds.Reporting.Studies;
using MassTransit;

namespace AmpaCds.Reporting.Consumers;

public sealed class ReportingSeriesReceivedConsumer(StudyRecordStore store, ReportPublisher reports)
    : IConsumer<PetSeriesReceived>
{
    public async Task Consume(ConsumeContext<PetSeriesReceived> context)
    {
        var message = context.Message;
        var record = store.Update(message.StudyInstanceUid, current =>
            StageRules.Advance(current, message.CorrelationId, PipelineStage.Received, $"{message.InstanceCount} instances ({message.CompletionReason})") with
            {
                SeriesInstanceUid = message.SeriesInstanceUid,
                SeriesBlobPrefix = message.SeriesBlobPrefix,
            });
        await reports.RenderIfReadyAsync(record, context.CancellationToken);
    }
}
