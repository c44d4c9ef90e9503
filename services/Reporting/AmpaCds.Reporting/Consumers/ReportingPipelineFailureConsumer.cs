using AmpaCds.Contracts.Messages;
using AmpaCds.Reporting.Studies;
using MassTransit;
using Microsoft.Extensions.Logging;

namespace AmpaCds.Reporting.Consumers;

/// <summary>Records why a study stopped, so the clinician and operations see the reason instead of a silent gap.</summary>
public sealed class ReportingPipelineFailureConsumer(StudyRecordStore store, ILogger<ReportingPipelineFailureConsumer> logger)
    : IConsumer<QuantificationFailed>, IConsumer<PredictionFailed>
{
    public Task Consume(ConsumeContext<QuantificationFailed> context) =>
        Record(context.Message.StudyInstanceUid, context.Message.CorrelationId, $"quantification failed: {context.Message.Reason}");

    public Task Consume(ConsumeContext<PredictionFailed> context) =>
        Record(context.Message.StudyInstanceUid, context.Message.CorrelationId, $"prediction failed: {context.Message.Reason}");

    private Task Record(string studyInstanceUid, Guid correlationId, string reason)
    {
        logger.LogWarning("Study run {CorrelationId} failed: {Reason}", correlationId, reason);
        store.Update(studyInstanceUid, current => StageRules.Fail(current, correlationId, reason));
        return Task.CompletedTask;
    }
}
