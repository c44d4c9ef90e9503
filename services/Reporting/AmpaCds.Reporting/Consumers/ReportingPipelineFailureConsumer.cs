using AmpaCds.Contracts.Messages;
using AmpaCds.Reporting.Studies;
using MassTransit;
using Microsoft.Extensions.Logging;

namespace AmpaCds.Reporting.Consumers;

/// <summary>Records why a study stopped, so the clinician and operations see the reason instead of a silent gap.</summary>
public sealed partial class ReportingPipelineFailureConsumer(StudyEventHandler handler, ILogger<ReportingPipelineFailureConsumer> logger)
    : IConsumer<QuantificationFailed>, IConsumer<PredictionFailed>
{
    public Task Consume(ConsumeContext<QuantificationFailed> context) =>
        Record(context, context.Message.StudyInstanceUid, context.Message.CorrelationId, $"quantification failed: {context.Message.Reason}");

    public Task Consume(ConsumeContext<PredictionFailed> context) =>
        Record(context, context.Message.StudyInstanceUid, context.Message.CorrelationId, $"prediction failed: {context.Message.Reason}");

    private Task Record(ConsumeContext context, string studyInstanceUid, Guid correlationId, string reason)
    {
        LogFailed(correlationId, reason);
        return handler.FailedAsync(context, studyInstanceUid, correlationId, reason);
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Study run {CorrelationId} failed: {Reason}")]
    private partial void LogFailed(Guid correlationId, string reason);
}
