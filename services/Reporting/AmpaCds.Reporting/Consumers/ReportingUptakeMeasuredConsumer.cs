using AmpaCds.Contracts.Messages;
using AmpaCds.Contracts.Reporting;
using AmpaCds.Reporting.Studies;
using MassTransit;

namespace AmpaCds.Reporting.Consumers;

public sealed class ReportingUptakeMeasuredConsumer(StudyRecordStore store, ReportPublisher reports) : IConsumer<RegionalUptakeMeasured>
{
    public async Task Consume(ConsumeContext<RegionalUptakeMeasured> context)
    {
        var message = context.Message;
        var record = store.Update(message.StudyInstanceUid, current =>
        {
            var advanced = StageRules.Advance(current, message.CorrelationId, PipelineStage.Quantified,
                $"{message.Regions.Count} regions, registration similarity {message.Registration.Similarity:F3}");
            return advanced.CorrelationId == message.CorrelationId ? advanced with { Uptake = message } : advanced;
        });
        await reports.RenderIfReadyAsync(record, context.CancellationToken);
    }
}
