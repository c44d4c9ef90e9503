using System.Globalization;
using AmpaCds.Imaging.Suv;

namespace AmpaCds.Imaging.Tests.Suv;

/// <summary>SuvCalculator against the independent string-based transcription of the QIBA pseudo-code.</summary>
public sealed class SuvCrossCheckTests
{
    private const string Ci = "NORM\\DTIM\\ATTN\\SCAT\\DECY\\RAN";

    public static TheoryData<string, RawPetHeader> Cases() => new()
    {
        { "Siemens BQML/START, series == acquisition",
            new(Ci, "START", "BQML", "20240315", "101500", "20240315", "101500", "093000", null, "370000000", "1220.04", "70", null, null) },
        { "series before acquisition",
            new(Ci, "START", "BQML", "20240315", "100000", "20240315", "100130.5", "093000", null, "352300000", "1220.04", "75.5", null, null) },
        { "series after acquisition, no GE tag (Siemens re-processed)",
            new(Ci, "START", "BQML", "20240315", "143000", "20240315", "101500", "093000", null, "370000000", "1220.04", "70", null, null) },
        { "series after acquisition, GE private scan time",
            new("DECY\\ATTN\\SCAT\\DTIM\\RAN\\DCAL\\SLSENS\\NORM", "START", "BQML", "20240315", "143000", "20240315", "101500", "093000", "20240315101000", "401000000", "1223.4", "82", null, null) },
        { "GE re-processed next day, private scan time with fraction",
            new("DECY\\ATTN", "START", "BQML", "20240316", "090000", "20240315", "101500", "094015", "20240315101230.250000", "401000000", "1220.04", "82", null, null) },
        { "midnight crossing, series == acquisition",
            new(Ci, "START", "BQML", "20240316", "001000", "20240316", "001000", "234500", null, "300000000", "1220.04", "64", null, null) },
        { "midnight crossing with fractional seconds",
            new(Ci, "START", "BQML", "20240316", "000030.25", "20240316", "000031", "235959.5", null, "300000000", "1220.04", "64", null, null) },
        { "Siemens re-processed after midnight, acquisition before midnight",
            new(Ci, "START", "BQML", "20240316", "080000", "20240315", "235500", "233000", null, "410000000", "1220.04", "91.2", null, null) },
        { "Siemens re-processed three days later (start date must come from the scan, not the series)",
            new(Ci, "START", "BQML", "20240318", "080000", "20240315", "101500", "093000", null, "370000000", "1220.04", "70", null, null) },
        { "series 23:58 before acquisition 00:01 next day",
            new(Ci, "START", "BQML", "20240315", "235800", "20240316", "000100", "233000", null, "410000000", "1220.04", "91.2", null, null) },
        { "Philips CNTS with SUV scale factor (7053,1000)",
            new(Ci, "START", "CNTS", "20240315", "101500", "20240315", "101500", "093000", null, "370000000", "1220.04", "70", "0.000734", "1.25") },
        { "Philips CNTS with activity concentration factor (7053,1009) only",
            new(Ci, "START", "CNTS", "20240315", "101500", "20240315", "101500", "093000", null, "300000000", "1220.04", "64", null, "1.25") },
        { "Philips CNTS, zero 7053,1000 and 7053,1009",
            new(Ci, "START", "CNTS", "20240315", "101500", "20240315", "101500", "093000", null, "300000000", "1220.04", "64", "0", "0.87") },
        { "GML",
            new(Ci, "START", "GML", "20240315", "101500", "20240315", "101500", "093000", null, "370000000", "1220.04", "70", null, null) },
        { "F-18 half-life in header, 60 min uptake",
            new(Ci, "START", "BQML", "20240315", "110000", "20240315", "110000", "100000", null, "370000000", "6586.2", "70", null, null) },
        { "exactly one C-11 half-life, microsecond start time",
            new(Ci, "START", "BQML", "20240315", "102020.040000", "20240315", "102020.04", "100000.000000", null, "250000000", "1220.04", "58.3", null, null) },
        { "long uptake 90 min, heavy patient",
            new(Ci, "START", "BQML", "20240315", "120000", "20240315", "120000", "103000", null, "555000000", "1220.04", "140.7", null, null) },
        { "rejected: no DECY",
            new("ATTN\\SCAT", "START", "BQML", "20240315", "101500", "20240315", "101500", "093000", null, "370000000", "1220.04", "70", null, null) },
        { "rejected: Decay Correction NONE",
            new(Ci, "NONE", "BQML", "20240315", "101500", "20240315", "101500", "093000", null, "370000000", "1220.04", "70", null, null) },
        { "rejected: unsupported units",
            new(Ci, "START", "PROPCNTS", "20240315", "101500", "20240315", "101500", "093000", null, "370000000", "1220.04", "70", null, null) },
        { "rejected: CNTS without Philips factors",
            new(Ci, "START", "CNTS", "20240315", "101500", "20240315", "101500", "093000", null, "370000000", "1220.04", "70", null, null) },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void Calculator_matches_independent_pseudo_code(string name, RawPetHeader raw)
    {
        var expected = QibaPseudoCodeReference.SuvBwScaleFactor(raw);
        var inputs = ToInputs(raw);

        if (expected is null)
        {
            Assert.Throws<SuvCalculationException>(() => SuvCalculator.ComputeBodyWeightFactor(inputs, new SuvOptions()));
            return;
        }

        var actual = SuvCalculator.ComputeBodyWeightFactor(inputs, new SuvOptions()).Factor;
        Assert.True(Math.Abs(actual - expected.Value) <= 1e-9 * Math.Abs(expected.Value),
            $"{name}: calculator {actual:R} vs pseudo-code {expected.Value:R}");
    }

    [Fact]
    public void Table_has_at_least_twelve_computable_cases_including_midnight()
    {
        var computable = Cases().Select(row => (RawPetHeader)row[1])
            .Where(raw => QibaPseudoCodeReference.SuvBwScaleFactor(raw) is not null).ToList();
        Assert.True(computable.Count >= 12);
        Assert.Contains(computable, raw => string.CompareOrdinal(raw.StartTime, raw.SeriesTime) > 0);
    }

    /// <summary>Caller-side conversion of the raw strings (uses BCL parsing, not SuvDicomText).</summary>
    private static SuvInputs ToInputs(RawPetHeader r) => new()
    {
        Units = r.Units,
        DecayCorrection = r.DecayCorrection,
        CorrectedImage = r.CorrectedImage.Split('\\'),
        SeriesDate = DateOnly.ParseExact(r.SeriesDate, "yyyyMMdd", CultureInfo.InvariantCulture),
        SeriesDateTime = Dt(r.SeriesDate + r.SeriesTime),
        AcquisitionDateTime = Dt(r.AcquisitionDate + r.AcquisitionTime),
        RadiopharmaceuticalStartTime = r.StartTime,
        GePrivateScanDateTime = r.GeScanDateTime is null ? null : Dt(r.GeScanDateTime),
        RadionuclideTotalDoseBq = double.Parse(r.TotalDose, CultureInfo.InvariantCulture),
        RadionuclideHalfLifeSeconds = double.Parse(r.HalfLife, CultureInfo.InvariantCulture),
        PatientWeightKg = double.Parse(r.Weight, CultureInfo.InvariantCulture),
        PhilipsSuvScaleFactor = r.PhilipsSuvScale is null ? null : double.Parse(r.PhilipsSuvScale, CultureInfo.InvariantCulture),
        PhilipsActivityConcentrationScaleFactor = r.PhilipsBqmlScale is null ? null : double.Parse(r.PhilipsBqmlScale, CultureInfo.InvariantCulture),
    };

    private static DateTime Dt(string s) => DateTime.ParseExact(s, ["yyyyMMddHHmmss", "yyyyMMddHHmmss.FFFFFF"],
        CultureInfo.InvariantCulture, DateTimeStyles.None);
}
