namespace AmpaCds.Imaging.Suv;

/// <summary>
/// Header values needed for a body-weight SUV factor, extracted by the caller from one PET series.
/// Deliberately free of any DICOM library type: every member is a plain value, null when the
/// attribute is absent or empty. Date/time values are local wall-clock times exactly as written in
/// the header (no time-zone conversion); all of them must be in the same zone.
/// </summary>
public sealed record SuvInputs
{
    /// <summary>Units (0054,1001), e.g. BQML, CNTS, GML.</summary>
    public string? Units { get; init; }

    /// <summary>Decay Correction (0054,1102): START, ADMIN or NONE.</summary>
    public string? DecayCorrection { get; init; }

    /// <summary>Corrected Image (0028,0051) values, e.g. ["DECY", "ATTN", "SCAT", "DTIM"].</summary>
    public IReadOnlyList<string> CorrectedImage { get; init; } = [];

    /// <summary>Series Date (0008,0021) + Series Time (0008,0031).</summary>
    public DateTime? SeriesDateTime { get; init; }

    /// <summary>Series Date (0008,0021) alone; used to date a time-only Radiopharmaceutical Start Time.</summary>
    public DateOnly? SeriesDate { get; init; }

    /// <summary>Earliest Acquisition Date (0008,0022) + Acquisition Time (0008,0032) over all images of the series.</summary>
    public DateTime? AcquisitionDateTime { get; init; }

    /// <summary>Radiopharmaceutical Start DateTime (0018,1078), when present.</summary>
    public DateTime? RadiopharmaceuticalStartDateTime { get; init; }

    /// <summary>Radiopharmaceutical Start Time (0018,1072) as the raw DICOM TM string (e.g. "093012.50").</summary>
    public string? RadiopharmaceuticalStartTime { get; init; }

    /// <summary>Radionuclide Total Dose (0018,1074) in Bq.</summary>
    public double? RadionuclideTotalDoseBq { get; init; }

    /// <summary>Radionuclide Half Life (0018,1075) in seconds.</summary>
    public double? RadionuclideHalfLifeSeconds { get; init; }

    /// <summary>Patient's Weight (0010,1030) in kg.</summary>
    public double? PatientWeightKg { get; init; }

    /// <summary>Manufacturer (0008,0070); informational (echoed in the result notes).</summary>
    public string? Manufacturer { get; init; }

    /// <summary>Philips private SUV scale factor (7053,1000) of group "Philips PET Private Group".</summary>
    public double? PhilipsSuvScaleFactor { get; init; }

    /// <summary>Philips private activity concentration scale factor (7053,1009): rescaled value * this = Bq/mL.</summary>
    public double? PhilipsActivityConcentrationScaleFactor { get; init; }

    /// <summary>
    /// GE private scan date/time (0009,100D) of private creator "GEMS_PETD_01". Only consulted when the
    /// Series Date/Time is after the Acquisition Date/Time (post-processed series).
    /// </summary>
    public DateTime? GePrivateScanDateTime { get; init; }
}
