using AmpaCds.Contracts.Messages;
using AmpaCds.Contracts.Reporting;

namespace AmpaCds.Reporting.Studies;

/// <summary>What the gateway knows of one study: identity, stage and the results gathered so far.</summary>
public sealed record StudyRecord
{
    public required string StudyInstanceUid { get; init; }
    public string SeriesInstanceUid { get; init; } = "";
    public string SeriesBlobPrefix { get; init; } = "";
    public Guid CorrelationId { get; init; }
    public PipelineStage Stage { get; init; } = PipelineStage.Unspecified;
    public string StageDetail { get; init; } = "";
    public DateTimeOffset UpdatedAt { get; init; }
    public PatientHeader? Patient { get; init; }
    public RegionalUptakeMeasured? Uptake { get; init; }
    public ResponseForecastIssued? Forecast { get; init; }
    public string? ReportBlobKey { get; init; }

    public bool IsFinal => Stage is PipelineStage.Reported or PipelineStage.Failed;

    public bool ReadyToRender => Uptake is not null && Forecast is not null && Stage != PipelineStage.Failed;
}

/// <summary>The identifying header fields shown on the report; sent by Intake in StudyDemographicsCaptured, to Reporting only.</summary>
public sealed record PatientHeader(string PatientName, string PatientId, string StudyDate, string StudyDescription);
