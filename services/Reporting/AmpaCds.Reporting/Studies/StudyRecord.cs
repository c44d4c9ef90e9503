using AmpaCds.Contracts.Reporting;
using AmpaCds.Reporting.Studies.Stored;

namespace AmpaCds.Reporting.Studies;

/// <summary>What the gateway knows of one study: identity, stage, the current run's results and the report versions so far.</summary>
public sealed record StudyRecord
{
    public required string StudyInstanceUid { get; init; }
    public string SeriesInstanceUid { get; init; } = "";
    public string SeriesBlobPrefix { get; init; } = "";

    /// <summary>The current run.</summary>
    public Guid CorrelationId { get; init; }
    public PipelineStage Stage { get; init; } = PipelineStage.Unspecified;
    public string StageDetail { get; init; } = "";
    public DateTimeOffset UpdatedAt { get; init; }
    public PatientHeader? Patient { get; init; }

    /// <summary>Input hash of the series version the current run works on (from Intake, then from the results).</summary>
    public string InputHash { get; init; } = "";

    /// <summary>Intake's series version of that input.</summary>
    public int SeriesVersion { get; init; } = 1;

    /// <summary>Why the current run exists: Intake's change summary, or the reason a run was requested.</summary>
    public string ChangeSummary { get; init; } = "";

    /// <summary>SOP Class and Instance UIDs of the measured series (from Intake), referenced by the structured report sent to the PACS.</summary>
    public string PetSopClassUid { get; init; } = "";

    public IReadOnlyList<string> PetInstanceUids { get; init; } = [];

    public StoredUptake? Uptake { get; init; }
    public StoredForecast? Forecast { get; init; }

    /// <summary>Baseline MADRS, age and sex as last confirmed by the treating psychiatrist; null until then.</summary>
    public StoredClinicalInputs? ClinicalInputs { get; init; }

    /// <summary>The report version the current run produced or was attached to; null until it is reported.</summary>
    public int? ReportVersion { get; init; }

    /// <summary>Every report version of the study, oldest first (filled when read from the repository).</summary>
    public IReadOnlyList<ReportVersionRecord> Versions { get; init; } = [];

    public string? ReportBlobKey => ReportVersion is { } version ? ReportKeys.For(StudyInstanceUid, version) : null;

    public bool IsFinal => Stage is PipelineStage.Reported or PipelineStage.Failed;

    public bool ReadyToRender => Uptake is not null && Forecast is not null && Stage != PipelineStage.Failed;
}
