using System.Globalization;

namespace AmpaCds.Imaging.Tests.Suv;

/// <summary>
/// Raw header strings as they appear in a DICOM file (DS values as decimal strings, DA/TM/DT as text),
/// the input of <see cref="QibaPseudoCodeReference"/>.
/// </summary>
public sealed record RawPetHeader(
    string CorrectedImage,          // (0028,0051) multi-valued, backslash separated
    string DecayCorrection,         // (0054,1102)
    string Units,                   // (0054,1001)
    string SeriesDate,              // (0008,0021)
    string SeriesTime,              // (0008,0031)
    string AcquisitionDate,         // (0008,0022) of the earliest image
    string AcquisitionTime,         // (0008,0032) of the earliest image
    string StartTime,               // (0018,1072)
    string? GeScanDateTime,         // (0009,100D) "GEMS_PETD_01"
    string TotalDose,               // (0018,1074)
    string HalfLife,                // (0018,1075)
    string Weight,                  // (0010,1030)
    string? PhilipsSuvScale,        // (7053,1000)
    string? PhilipsBqmlScale);      // (7053,1009)

/// <summary>
/// Independent transcription of the QIBA vendor-neutral SUV pseudo-code, written straight from its text
/// and deliberately structured differently from <c>SuvCalculator</c>: it works on the raw header
/// strings, in seconds of the day, with pow(2, -t/T) and the "+1 day if negative" midnight rule.
/// Returns null where the pseudo-code yields no SUVbw scale factor.
/// </summary>
public static class QibaPseudoCodeReference
{
    public static double? SuvBwScaleFactor(RawPetHeader h)
    {
        // if Corrected Image contains ATTN and DECY and Decay Correction is START {
        var corrected = h.CorrectedImage.Split('\\').Select(v => v.Trim()).ToList();
        if (!(corrected.Contains("ATTN") && corrected.Contains("DECY") && h.DecayCorrection.Trim() == "START"))
        {
            return null;
        }

        switch (h.Units.Trim())
        {
            case "BQML":
                return BqmlScaleFactor(h);
            case "CNTS":
                var suvScale = Number(h.PhilipsSuvScale);
                if (suvScale is not null && suvScale != 0)
                {
                    return suvScale;
                }

                // if (7053,1000) not present but (7053,1009) is, it scales to Bq/ml: proceed as BQML
                var bqmlScale = Number(h.PhilipsBqmlScale);
                return bqmlScale is null ? null : bqmlScale * BqmlScaleFactor(h);
            case "GML":
                return 1.0;
            default:
                return null;
        }
    }

    private static double? BqmlScaleFactor(RawPetHeader h)
    {
        string scanDate, scanTime;
        // if Series Date and Time are not after Acquisition Date and Time { scan = series }
        if (!IsAfter(h.SeriesDate, h.SeriesTime, h.AcquisitionDate, h.AcquisitionTime))
        {
            scanDate = h.SeriesDate;
            scanTime = h.SeriesTime;
        }
        else if (h.GeScanDateTime is not null)
        {
            // may be a post-processed series: GE private scan Date and Time
            scanDate = h.GeScanDateTime[..8];
            scanTime = h.GeScanDateTime[8..];
        }
        else
        {
            // Siemens altered series: earliest Acquisition Date and Time in the series
            scanDate = h.AcquisitionDate;
            scanTime = h.AcquisitionTime;
        }

        _ = scanDate; // start Date is not explicit; assume the scan date, but consider spanning midnight
        var decayTime = SecondsOfDay(scanTime) - SecondsOfDay(h.StartTime);
        if (decayTime < 0)
        {
            decayTime += 24 * 60 * 60;
        }

        var halfLife = double.Parse(h.HalfLife, CultureInfo.InvariantCulture);
        var injectedDose = double.Parse(h.TotalDose, CultureInfo.InvariantCulture);
        var decayedDose = injectedDose * Math.Pow(2, -decayTime / halfLife);
        var weight = double.Parse(h.Weight, CultureInfo.InvariantCulture);
        return weight * 1000 / decayedDose;
    }

    /// <summary>"HHMMSS.frac" to seconds since midnight, as a plain number.</summary>
    private static double SecondsOfDay(string tm)
    {
        var t = tm.Trim();
        var hh = int.Parse(t[..2], CultureInfo.InvariantCulture);
        var mm = int.Parse(t.Substring(2, 2), CultureInfo.InvariantCulture);
        var ss = double.Parse(t[4..], CultureInfo.InvariantCulture);
        return hh * 3600 + mm * 60 + ss;
    }

    private static bool IsAfter(string date1, string time1, string date2, string time2)
    {
        var d1 = int.Parse(date1, CultureInfo.InvariantCulture);
        var d2 = int.Parse(date2, CultureInfo.InvariantCulture);
        return d1 != d2 ? d1 > d2 : SecondsOfDay(time1) > SecondsOfDay(time2);
    }

    private static double? Number(string? ds)
        => string.IsNullOrWhiteSpace(ds) ? null : double.Parse(ds, CultureInfo.InvariantCulture);
}
