using AmpaCds.Contracts.Reporting;

namespace AmpaCds.Reporting.Studies;

public sealed record StageChange(string StudyInstanceUid, PipelineStage Stage, string Detail, DateTimeOffset At);
