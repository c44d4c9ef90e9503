using AmpaCds.Domain.Clinical;

namespace AmpaCds.Research.Simulation;

/// <summary>
/// How a virtual subject is "scanned". Defaults describe a plausible static [11C]K-2 brain scan;
/// the imaging window is not published (SCIENCE.md), so it is a setting here.
/// </summary>
public sealed record PetAcquisitionOptions
{
    public int Seed { get; init; } = 1;

    public SubjectGroup Group { get; init; } = SubjectGroup.Trd;

    /// <summary>Injected activity; humans received 370-555 MBq in the study.</summary>
    public double InjectedActivityMBq { get; init; } = 450;

    public double HalfLifeSeconds { get; init; } = 1220.04;

    /// <summary>Scan start after injection (assumed window start).</summary>
    public double UptakeMinutes { get; init; } = 40;

    public double FrameDurationMinutes { get; init; } = 20;

    public int Columns { get; init; } = 128;

    public int Rows { get; init; } = 128;

    public int Slices { get; init; } = 90;

    public double PixelSpacingMm { get; init; } = 2.0;

    public double SliceSpacingMm { get; init; } = 2.0;

    /// <summary>Scanner point-spread function (FWHM): a few mm for current brain PET.</summary>
    public double PsfFwhmMm { get; init; } = 5.0;

    /// <summary>Relative noise at the mean brain level; Poisson-like, so it scales with the square root of uptake.</summary>
    public double NoiseFraction { get; init; } = 0.05;

    /// <summary>Largest head offset and tilt drawn for the random head position.</summary>
    public double MaxTranslationMm { get; init; } = 12;

    public double MaxRotationDegrees { get; init; } = 10;

    public DateTime InjectionTime { get; init; } = new(2026, 1, 15, 9, 0, 0, DateTimeKind.Unspecified);

    /// <summary>"ISO_IR 192" (UTF-8) lets patient names carry kana/kanji; ASCII names are written either way.</summary>
    public string PatientName { get; init; } = "";

    /// <summary>The synthetic studies' referring psychiatrist, unless told otherwise.</summary>
    public const string DefaultReferringPhysician = "Sato^Hanako";

    /// <summary>Referring Physician's Name (0008,0090), DICOM PN: the psychiatrist whose patient this is.</summary>
    public string ReferringPhysicianName { get; init; } = DefaultReferringPhysician;

    /// <summary>Patient ID written into the series; empty gives "SYN" and the seed.</summary>
    public string PatientId { get; init; } = "";
}
