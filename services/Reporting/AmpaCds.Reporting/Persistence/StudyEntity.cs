namespace AmpaCds.Reporting.Persistence;

/// <summary>A row of Studies: one study, its current run and that run's results (as Reporting's own JSON records).</summary>
public sealed class StudyEntity
{
    public string StudyInstanceUid { get; set; } = "";
    public string SeriesInstanceUid { get; set; } = "";
    public string SeriesBlobPrefix { get; set; } = "";
    public Guid CorrelationId { get; set; }

    /// <summary>Reporting's own stage name (<see cref="StoredStage"/>), not the proto enum's number.</summary>
    public string Stage { get; set; } = "";
    public string StageDetail { get; set; } = "";
    public long UpdatedAtUtcTicks { get; set; }
    public string? PatientName { get; set; }
    public string? PatientId { get; set; }
    public string? StudyDate { get; set; }
    public string? StudyDescription { get; set; }

    /// <summary>DICOM PN of the referring psychiatrist: who may read this study's report.</summary>
    public string? ReferringPhysicianName { get; set; }
    public string InputHash { get; set; } = "";
    public int SeriesVersion { get; set; }
    public string ChangeSummary { get; set; } = "";

    /// <summary>JSON of <see cref="Studies.Stored.StoredUptake"/>.</summary>
    public string? Uptake { get; set; }

    /// <summary>JSON of <see cref="Studies.Stored.StoredForecast"/>.</summary>
    public string? Forecast { get; set; }
    public int? ReportVersion { get; set; }

    /// <summary>JSON of <see cref="Studies.Stored.StoredClinicalInputs"/>.</summary>
    public string? ClinicalInputs { get; set; }

    /// <summary>JSON of <see cref="Studies.Stored.StoredDicomHeader"/>: what the PACS objects repeat of the images' header.</summary>
    public string? DicomHeader { get; set; }

    /// <summary>Optimistic concurrency: two deliveries updating one study at once on PostgreSQL; the loser is retried.</summary>
    public int Revision { get; set; }
}
