namespace AmpaCds.Imaging.Suv;

/// <summary>Which conversion path of the QIBA pseudo-code produced the factor.</summary>
public enum SuvConversion
{
    /// <summary>Units BQML, Decay Correction START: dose decayed to the scan reference time.</summary>
    BqmlStart,
    /// <summary>Units BQML, Decay Correction ADMIN: image already decay-corrected to administration; no decay of the dose.</summary>
    BqmlAdmin,
    /// <summary>Units CNTS with Philips SUV scale factor (7053,1000): factor taken as is.</summary>
    PhilipsSuvScaleFactor,
    /// <summary>Units CNTS with Philips activity concentration factor (7053,1009), then as BQML/START.</summary>
    PhilipsActivityConcentrationStart,
    /// <summary>Units CNTS with Philips activity concentration factor (7053,1009), then as BQML/ADMIN.</summary>
    PhilipsActivityConcentrationAdmin,
    /// <summary>Units GML: values already SUVbw; factor 1.</summary>
    Gml,
}

/// <summary>Human-readable names of the rule that chose <see cref="SuvFactorResult.ReferenceTime"/>.</summary>
public static class SuvReferenceTimeRules
{
    /// <summary>Series Date/Time not after Acquisition Date/Time: scan time = Series Date/Time.</summary>
    public const string SeriesDateTime =
        "Series Date/Time (0008,0021/0031) is not after Acquisition Date/Time (0008,0022/0032): scan time = Series Date/Time";

    /// <summary>Series after acquisition (post-processed) and GE private scan date/time present.</summary>
    public const string GePrivateScanDateTime =
        "Series Date/Time is after Acquisition Date/Time (post-processed series): scan time = GE private scan Date/Time (0009,100D)";

    /// <summary>Series after acquisition (post-processed, e.g. Siemens) without GE private tag.</summary>
    public const string EarliestAcquisitionDateTime =
        "Series Date/Time is after Acquisition Date/Time (post-processed series): scan time = earliest Acquisition Date/Time (0008,0022/0032) of the series";

    /// <summary>Decay Correction ADMIN: images are decay-corrected to the administration time.</summary>
    public const string Administration =
        "Decay Correction (0054,1102) is ADMIN: images are decay-corrected to the administration time; no dose decay applied";

    /// <summary>Factor taken from the header without timing (Philips 7053,1000 or GML).</summary>
    public const string NotApplicable = "Not applicable: factor taken from the header without any timing";
}

/// <summary>Outcome of <see cref="SuvCalculator.ComputeBodyWeightFactor"/>.</summary>
public sealed record SuvFactorResult
{
    /// <summary>Multiply the rescaled stored value (value * RescaleSlope + RescaleIntercept) by this to get SUVbw in g/mL.</summary>
    public required double Factor { get; init; }

    /// <summary>Dose (Bq) at the reference time (START: decayed; ADMIN: as administered). Null when the factor did not need a dose (Philips 7053,1000, GML).</summary>
    public required double? DecayCorrectedDoseBq { get; init; }

    /// <summary>
    /// Time the image values refer to (START: scan reference time; ADMIN: administration time if known).
    /// Null when not applicable or unknown.
    /// </summary>
    public required DateTime? ReferenceTime { get; init; }

    /// <summary>The rule that chose <see cref="ReferenceTime"/>; one of <see cref="SuvReferenceTimeRules"/>.</summary>
    public required string ReferenceTimeRule { get; init; }

    /// <summary>exp(-ln2 * (scan - injection) / halfLife) for START; 1 for ADMIN; null when no dose is used.</summary>
    public required double? DecayFactor { get; init; }

    /// <summary>Injection time actually used for decay (START only), after applying the date rule.</summary>
    public DateTime? InjectionTime { get; init; }

    /// <summary>Half-life (s) used for decay (START only).</summary>
    public double? HalfLifeSecondsUsed { get; init; }

    /// <summary>True if the half-life came from (0018,1075); false if the fallback was used (or no half-life was needed and the header lacked it).</summary>
    public required bool HalfLifeFromHeader { get; init; }

    /// <summary>Description of the units/decay-correction path taken, e.g. "BQML/START".</summary>
    public required string UnitsHandled { get; init; }

    /// <summary>Machine-readable form of <see cref="UnitsHandled"/>.</summary>
    public required SuvConversion Conversion { get; init; }

    /// <summary>Things a reviewer should know (fallback half-life, midnight crossing assumed, ...).</summary>
    public IReadOnlyList<string> Notes { get; init; } = [];
}
