using AmpaCds.Contracts.Messages;
using AmpaCds.Contracts.Reporting;
using AmpaCds.Reporting.Studies;
using MassTransit;

namespace AmpaCds.Reporting.Consumers;

public sealed class ReportingForecastIssuedConsumer(StudyRecordStore store, ReportPublisher reports) : IConsumer<ResponseForecastIssued>
{
    public async Task Consume(ConsumeContext<ResponseForecastIssued> context)
    {
        var message = context.Message;
        var record = store.Update(message.StudyInstanceUid, current =>
        {
            var advanced = StageRules.Advance(current, message.CorrelationId, PipelineStage.Forecast, $"model {message.ModelVersion}");
            return advanced.CorrelationId == message.CorrelationId ? advanced with { Forecast = message } : advanced;
        });
        await reports.RenderIfReadyAsync(record, context.CancellationToken);
    }
}
