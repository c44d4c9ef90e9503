using AmpaCds.Contracts.Reporting;

namespace AmpaCds.Reporting.Studies;

/// <summary>
/// Events of one run arrive on different queues and may be handled out of order; a stage only
/// moves forward within a run, and a new run (new correlation id) starts again from Received.
/// </summary>
public static class StageRules
{
    public static StudyRecord Advance(StudyRecord record, Guid correlationId, PipelineStage stage, string detail)
    {
        var sameRun = record.CorrelationId == correlationId;
        if (sameRun && (record.Stage == PipelineStage.Failed || record.Stage >= stage))
        {
            return record;
        }
        if (!sameRun && record.CorrelationId != Guid.Empty && stage != PipelineStage.Received)
        {
            // A late event of an older run must not overwrite the current run.
            return record;
        }
        return sameRun
            ? record with { Stage = stage, StageDetail = detail }
            : record with
            {
                CorrelationId = correlationId, Stage = stage, StageDetail = detail,
                Uptake = null, Forecast = null, ReportVersion = null,
            };
    }

    public static StudyRecord Fail(StudyRecord record, Guid correlationId, string reason) =>
        record.CorrelationId == correlationId || record.CorrelationId == Guid.Empty
            ? record with { CorrelationId = correlationId, Stage = PipelineStage.Failed, StageDetail = reason }
            : record;
}
