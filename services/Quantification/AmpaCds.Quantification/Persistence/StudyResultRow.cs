namespace AmpaCds.Quantification.Persistence;

/// <summary>
/// One measurement of a series as Quantification stores it (table StudyResults). Carries the keyed
/// patient hash, never the patient identifier; the regions are Quantification's own StoredRegion
/// records as JSON, not a message type.
/// </summary>
public sealed class StudyResultRow
{
    public Guid Id { get; set; }

    public string StudyInstanceUid { get; set; } = "";

    public string SeriesInstanceUid { get; set; } = "";

    /// <summary>Input hash of the series version measured; empty when the announcement carried none.</summary>
    public string InputHash { get; set; } = "";

    /// <summary>HMAC of the patient identifier (PatientKey); null when the series had no identifier and cannot be linked.</summary>
    public string? PatientKey { get; set; }

    public DateOnly? StudyDate { get; set; }

    /// <summary>UTC ticks, so both providers order and compare it in SQL.</summary>
    public long MeasuredAtUtcTicks { get; set; }

    public string ReferenceRegion { get; set; } = "";

    public string AtlasVersion { get; set; } = "";

    /// <summary>JSON array of StoredRegion (see StoredRegionsJson).</summary>
    public string Regions { get; set; } = "[]";

    public string? SuvrMapKey { get; set; }

    /// <summary>"none", "gtm" or "rbv"; null on rows from before the column, which were measured without correction.</summary>
    public string? PartialVolumeMethod { get; set; }

    /// <summary>The resolution (mm FWHM) the correction assumed; null without correction.</summary>
    public double? PartialVolumeFwhmMm { get; set; }
}
