using AmpaCds.Imaging.Suv;

namespace AmpaCds.Imaging.Tests.Suv;

public sealed class SuvCalculatorTests
{
    private static readonly DateTime Injection = new(2024, 3, 15, 9, 30, 0);

    /// <summary>Siemens-like BQML/START series, scan 30 min after injection, C-11 half-life in the header.</summary>
    private static SuvInputs Base(TimeSpan? uptake = null) => new()
    {
        Units = "BQML",
        DecayCorrection = "START",
        CorrectedImage = ["NORM", "DTIM", "ATTN", "SCAT", "DECY", "RAN"],
        SeriesDateTime = Injection + (uptake ?? TimeSpan.FromMinutes(30)),
        SeriesDate = DateOnly.FromDateTime(Injection),
        AcquisitionDateTime = Injection + (uptake ?? TimeSpan.FromMinutes(30)),
        RadiopharmaceuticalStartTime = "093000",
        RadionuclideTotalDoseBq = 370e6,
        RadionuclideHalfLifeSeconds = 1220.04,
        PatientWeightKg = 70,
        Manufacturer = "SIEMENS",
    };

    private static SuvFactorResult Compute(SuvInputs inputs, SuvOptions? options = null)
        => SuvCalculator.ComputeBodyWeightFactor(inputs, options ?? new SuvOptions());

    private static void AssertRelative(double expected, double actual, double tolerance = 1e-12)
        => Assert.True(Math.Abs(actual - expected) <= tolerance * Math.Abs(expected),
            $"expected {expected:R}, got {actual:R} (relative tolerance {tolerance})");

    // ---------- decay ----------

    [Fact]
    public void One_header_half_life_after_injection_decays_to_exactly_one_half()
    {
        var inputs = Base() with
        {
            SeriesDateTime = Injection.AddTicks(12_200_400_000), // 1220.04 s
            AcquisitionDateTime = Injection.AddTicks(12_200_400_000),
        };

        var r = Compute(inputs);

        Assert.Equal(0.5, r.DecayFactor!.Value, 1e-9);
        Assert.True(r.HalfLifeFromHeader);
        Assert.Equal(1220.04, r.HalfLifeSecondsUsed);
    }

    [Fact]
    public void Twenty_minutes_twenty_seconds_is_one_half_life_when_header_says_1220_s()
    {
        var inputs = Base(TimeSpan.FromSeconds(1220)) with { RadionuclideHalfLifeSeconds = 1220 };
        Assert.Equal(0.5, Compute(inputs).DecayFactor!.Value, 1e-9);
    }

    [Fact]
    public void Fallback_C11_half_life_is_followed_to_the_second_and_flagged()
    {
        // 20 min 20 s = 1220 s, but the C-11 fallback is 1220.04 s: 2^(-1220/1220.04), not 0.5.
        var inputs = Base(TimeSpan.FromSeconds(1220)) with { RadionuclideHalfLifeSeconds = null };

        var r = Compute(inputs);

        Assert.Equal(0.5000113628250982, r.DecayFactor!.Value, 1e-12);
        Assert.True(r.DecayFactor.Value - 0.5 > 1e-5);
        Assert.False(r.HalfLifeFromHeader);
        Assert.Equal(SuvOptions.Carbon11HalfLifeSeconds, r.HalfLifeSecondsUsed);
        Assert.Contains(r.Notes, n => n.Contains("fallback half-life 1220.04 s", StringComparison.Ordinal));
    }

    [Fact]
    public void Zero_half_life_in_header_counts_as_missing_and_uses_fallback()
    {
        var r = Compute(Base() with { RadionuclideHalfLifeSeconds = 0 });
        Assert.False(r.HalfLifeFromHeader);
        Assert.Equal(1220.04, r.HalfLifeSecondsUsed);
    }

    [Fact]
    public void Header_half_life_wins_over_fallback()
    {
        var r = Compute(Base(TimeSpan.FromSeconds(6586.2)) with { RadionuclideHalfLifeSeconds = 6586.2 },
            new SuvOptions { FallbackHalfLifeSeconds = 1220.04 });
        Assert.Equal(0.5, r.DecayFactor!.Value, 1e-9);
        Assert.True(r.HalfLifeFromHeader);
    }

    [Fact]
    public void Two_half_lives_decay_to_one_quarter()
    {
        var inputs = Base() with
        {
            SeriesDateTime = Injection.AddTicks(2 * 12_200_400_000),
            AcquisitionDateTime = Injection.AddTicks(2 * 12_200_400_000),
        };
        Assert.Equal(0.25, Compute(inputs).DecayFactor!.Value, 1e-9);
    }

    [Fact]
    public void Factor_is_weight_in_grams_over_decayed_dose()
    {
        // 70 kg, 370 MBq, 30 min, T1/2 1220.04 s; expected value computed independently (Python).
        var r = Compute(Base());

        AssertRelative(0.0005260467852716372, r.Factor);
        AssertRelative(370e6 * Math.Pow(2, -1800 / 1220.04), r.DecayCorrectedDoseBq!.Value);
        AssertRelative(70_000 / r.DecayCorrectedDoseBq!.Value, r.Factor);
        Assert.Equal(SuvConversion.BqmlStart, r.Conversion);
        Assert.Equal("BQML/START", r.UnitsHandled);
        Assert.Equal(Injection, r.InjectionTime);
    }

    [Fact]
    public void Suv_of_uniform_phantom_equals_one()
    {
        // Activity spread uniformly over 70 kg of water (1 g/mL) gives SUV 1 at the scan time.
        var inputs = Base();
        var r = Compute(inputs);
        var concentrationBqPerMl = r.DecayCorrectedDoseBq!.Value / 70_000;
        Assert.Equal(1.0, concentrationBqPerMl * r.Factor, 1e-12);
    }

    [Fact]
    public void Doubling_the_dose_halves_the_factor()
    {
        var single = Compute(Base());
        var doubled = Compute(Base() with { RadionuclideTotalDoseBq = 740e6 });
        AssertRelative(single.Factor / 2, doubled.Factor);
    }

    [Fact]
    public void Doubling_the_weight_doubles_the_factor()
    {
        var single = Compute(Base());
        var doubled = Compute(Base() with { PatientWeightKg = 140 });
        AssertRelative(single.Factor * 2, doubled.Factor);
    }

    // ---------- ADMIN ----------

    [Fact]
    public void Admin_ignores_timing()
    {
        var baseAdmin = Base() with { DecayCorrection = "ADMIN" };
        var a = Compute(baseAdmin);
        var b = Compute(baseAdmin with { SeriesDateTime = Injection.AddHours(3), AcquisitionDateTime = Injection.AddHours(3) });
        var c = Compute(baseAdmin with
        {
            SeriesDateTime = null, AcquisitionDateTime = null, SeriesDate = null,
            RadiopharmaceuticalStartTime = null, RadionuclideHalfLifeSeconds = null,
        });

        AssertRelative(70_000 / 370e6, a.Factor);
        Assert.Equal(a.Factor, b.Factor);
        Assert.Equal(a.Factor, c.Factor);
        Assert.Equal(1.0, a.DecayFactor);
        Assert.Equal(370e6, a.DecayCorrectedDoseBq);
        Assert.Equal(SuvConversion.BqmlAdmin, a.Conversion);
        Assert.Equal(SuvReferenceTimeRules.Administration, a.ReferenceTimeRule);
        Assert.Equal(Injection, a.ReferenceTime);
        Assert.Null(c.ReferenceTime);
    }

    // ---------- scan reference time rule ----------

    [Fact]
    public void Series_before_acquisition_uses_series_time()
    {
        var inputs = Base() with
        {
            SeriesDateTime = new DateTime(2024, 3, 15, 9, 58, 0),
            AcquisitionDateTime = new DateTime(2024, 3, 15, 10, 0, 0),
        };

        var r = Compute(inputs);

        Assert.Equal(inputs.SeriesDateTime, r.ReferenceTime);
        Assert.Equal(SuvReferenceTimeRules.SeriesDateTime, r.ReferenceTimeRule);
        AssertRelative(Math.Pow(2, -1680 / 1220.04), r.DecayFactor!.Value);
    }

    [Fact]
    public void Series_equal_to_acquisition_uses_series_time()
    {
        var r = Compute(Base());
        Assert.Equal(SuvReferenceTimeRules.SeriesDateTime, r.ReferenceTimeRule);
        Assert.Equal(Injection.AddMinutes(30), r.ReferenceTime);
    }

    [Fact]
    public void Series_after_acquisition_without_GE_tag_uses_earliest_acquisition_time()
    {
        // Siemens re-processed series: new Series Time at 14:05, acquisition started 10:00.
        var inputs = Base() with
        {
            SeriesDateTime = new DateTime(2024, 3, 15, 14, 5, 0),
            AcquisitionDateTime = new DateTime(2024, 3, 15, 10, 0, 0),
        };

        var r = Compute(inputs);

        Assert.Equal(new DateTime(2024, 3, 15, 10, 0, 0), r.ReferenceTime);
        Assert.Equal(SuvReferenceTimeRules.EarliestAcquisitionDateTime, r.ReferenceTimeRule);
        AssertRelative(Math.Pow(2, -1800 / 1220.04), r.DecayFactor!.Value);
    }

    [Fact]
    public void Series_after_acquisition_with_GE_tag_uses_GE_private_scan_time()
    {
        var inputs = Base() with
        {
            Manufacturer = "GE MEDICAL SYSTEMS",
            SeriesDateTime = new DateTime(2024, 3, 15, 14, 5, 0),
            AcquisitionDateTime = new DateTime(2024, 3, 15, 10, 0, 0),
            GePrivateScanDateTime = new DateTime(2024, 3, 15, 9, 55, 0),
        };

        var r = Compute(inputs);

        Assert.Equal(new DateTime(2024, 3, 15, 9, 55, 0), r.ReferenceTime);
        Assert.Equal(SuvReferenceTimeRules.GePrivateScanDateTime, r.ReferenceTimeRule);
        AssertRelative(Math.Pow(2, -1500 / 1220.04), r.DecayFactor!.Value);
    }

    [Fact]
    public void GE_tag_is_ignored_when_series_is_not_after_acquisition()
    {
        var inputs = Base() with { GePrivateScanDateTime = new DateTime(2024, 3, 15, 9, 40, 0) };
        var r = Compute(inputs);
        Assert.Equal(SuvReferenceTimeRules.SeriesDateTime, r.ReferenceTimeRule);
        Assert.Equal(Injection.AddMinutes(30), r.ReferenceTime);
    }

    // ---------- vendor examples ----------

    [Fact]
    public void Siemens_style_bqml_start()
    {
        var inputs = new SuvInputs
        {
            Manufacturer = "SIEMENS",
            Units = "BQML",
            DecayCorrection = "START",
            CorrectedImage = ["NORM", "DTIM", "ATTN", "SCAT", "DECY", "RAN"],
            SeriesDate = new DateOnly(2024, 3, 15),
            SeriesDateTime = new DateTime(2024, 3, 15, 10, 15, 0),
            AcquisitionDateTime = new DateTime(2024, 3, 15, 10, 15, 0),
            RadiopharmaceuticalStartTime = "093000.000000",
            RadionuclideTotalDoseBq = 352.3e6,
            RadionuclideHalfLifeSeconds = 1220.04,
            PatientWeightKg = 75.5,
        };

        var r = Compute(inputs);

        AssertRelative(0.0009936338792269582, r.Factor); // Python: 75500/(352.3e6*2**(-2700/1220.04))
        Assert.Equal(new DateTime(2024, 3, 15, 10, 15, 0), r.ReferenceTime);
    }

    [Fact]
    public void GE_style_series_time_after_acquisition_uses_private_scan_datetime()
    {
        var inputs = new SuvInputs
        {
            Manufacturer = "GE MEDICAL SYSTEMS",
            Units = "BQML",
            DecayCorrection = "START",
            CorrectedImage = ["DECY", "ATTN", "SCAT", "DTIM", "RAN", "DCAL", "SLSENS", "NORM"],
            SeriesDate = new DateOnly(2024, 3, 16),                    // post-processed next day
            SeriesDateTime = new DateTime(2024, 3, 16, 8, 0, 0),
            AcquisitionDateTime = new DateTime(2024, 3, 15, 10, 14, 0), // earliest frame
            GePrivateScanDateTime = new DateTime(2024, 3, 15, 10, 12, 30),
            RadiopharmaceuticalStartTime = "094015",
            RadionuclideTotalDoseBq = 401e6,
            RadionuclideHalfLifeSeconds = 1223.4,
            PatientWeightKg = 82,
        };

        var r = Compute(inputs);

        AssertRelative(0.0006120626565200202, r.Factor); // Python: 82000/(401e6*2**(-1935/1223.4))
        Assert.Equal(new DateTime(2024, 3, 15, 10, 12, 30), r.ReferenceTime);
        Assert.Equal(new DateTime(2024, 3, 15, 9, 40, 15), r.InjectionTime); // dated from the scan, not the series
        Assert.Equal(SuvReferenceTimeRules.GePrivateScanDateTime, r.ReferenceTimeRule);
    }

    [Fact]
    public void Philips_cnts_with_suv_scale_factor_uses_it_as_is()
    {
        var inputs = Base() with
        {
            Manufacturer = "Philips Medical Systems",
            Units = "CNTS",
            PhilipsSuvScaleFactor = 0.000734,
            PhilipsActivityConcentrationScaleFactor = 1.25,
            PatientWeightKg = null,           // not needed on this path
            RadionuclideTotalDoseBq = null,
        };

        var r = Compute(inputs);

        Assert.Equal(0.000734, r.Factor);
        Assert.Equal(SuvConversion.PhilipsSuvScaleFactor, r.Conversion);
        Assert.Null(r.DecayCorrectedDoseBq);
        Assert.Null(r.DecayFactor);
        Assert.Equal(SuvReferenceTimeRules.NotApplicable, r.ReferenceTimeRule);
    }

    [Fact]
    public void Philips_cnts_with_activity_concentration_factor_only_proceeds_as_bqml()
    {
        var inputs = Base(TimeSpan.FromSeconds(3000)) with
        {
            Manufacturer = "Philips Medical Systems",
            Units = "CNTS",
            PhilipsActivityConcentrationScaleFactor = 1.25,
            RadionuclideTotalDoseBq = 300e6,
            PatientWeightKg = 64,
        };

        var r = Compute(inputs);

        AssertRelative(0.0014661626683318567, r.Factor); // Python: 1.25*64000/(300e6*2**(-3000/1220.04))
        var asBqml = Compute(inputs with { Units = "BQML", PhilipsActivityConcentrationScaleFactor = null });
        AssertRelative(1.25 * asBqml.Factor, r.Factor);
        Assert.Equal(SuvConversion.PhilipsActivityConcentrationStart, r.Conversion);
        Assert.Equal(asBqml.DecayCorrectedDoseBq, r.DecayCorrectedDoseBq);
    }

    [Fact]
    public void Philips_zero_suv_scale_factor_falls_back_to_activity_concentration_factor()
    {
        var inputs = Base() with { Units = "CNTS", PhilipsSuvScaleFactor = 0, PhilipsActivityConcentrationScaleFactor = 2.0 };
        var r = Compute(inputs);
        Assert.Equal(SuvConversion.PhilipsActivityConcentrationStart, r.Conversion);
        AssertRelative(2.0 * Compute(Base()).Factor, r.Factor);
    }

    [Fact]
    public void Philips_activity_concentration_with_admin_does_not_decay()
    {
        var inputs = Base() with { Units = "CNTS", DecayCorrection = "ADMIN", PhilipsActivityConcentrationScaleFactor = 2.0 };
        var r = Compute(inputs);
        Assert.Equal(SuvConversion.PhilipsActivityConcentrationAdmin, r.Conversion);
        AssertRelative(2.0 * 70_000 / 370e6, r.Factor);
    }

    [Fact]
    public void Gml_is_already_suv()
    {
        var r = Compute(Base() with { Units = "GML", PatientWeightKg = null, RadionuclideTotalDoseBq = null });
        Assert.Equal(1.0, r.Factor);
        Assert.Equal(SuvConversion.Gml, r.Conversion);
    }

    [Fact]
    public void Header_code_strings_are_trimmed_and_case_insensitive()
    {
        var r = Compute(Base() with { Units = " bqml ", DecayCorrection = "start ", CorrectedImage = [" attn", "decy "] });
        AssertRelative(Compute(Base()).Factor, r.Factor);
    }

    // ---------- injection time ----------

    [Fact]
    public void Start_time_later_in_day_than_scan_is_taken_as_previous_day()
    {
        var inputs = Base() with
        {
            SeriesDate = new DateOnly(2024, 3, 16),
            SeriesDateTime = new DateTime(2024, 3, 16, 0, 10, 0),
            AcquisitionDateTime = new DateTime(2024, 3, 16, 0, 10, 0),
            RadiopharmaceuticalStartTime = "235000",
        };

        var r = Compute(inputs);

        Assert.Equal(new DateTime(2024, 3, 15, 23, 50, 0), r.InjectionTime);
        AssertRelative(Math.Pow(2, -1200 / 1220.04), r.DecayFactor!.Value);
        Assert.Contains(r.Notes, n => n.Contains("midnight", StringComparison.Ordinal));
    }

    [Fact]
    public void Explicit_start_datetime_is_preferred_and_crosses_midnight_naturally()
    {
        var inputs = Base() with
        {
            SeriesDate = new DateOnly(2024, 3, 16),
            SeriesDateTime = new DateTime(2024, 3, 16, 0, 10, 0),
            AcquisitionDateTime = new DateTime(2024, 3, 16, 0, 10, 0),
            RadiopharmaceuticalStartDateTime = new DateTime(2024, 3, 15, 23, 50, 0),
            RadiopharmaceuticalStartTime = "235000.4",
        };

        var r = Compute(inputs);

        Assert.Equal(new DateTime(2024, 3, 15, 23, 50, 0), r.InjectionTime);
        Assert.DoesNotContain(r.Notes, n => n.Contains("midnight", StringComparison.Ordinal));
    }

    [Fact]
    public void Fractional_start_time_is_honoured()
    {
        var r = Compute(Base() with { RadiopharmaceuticalStartTime = "093012.5" });
        Assert.Equal(Injection.AddSeconds(12.5), r.InjectionTime);
        AssertRelative(Math.Pow(2, -1787.5 / 1220.04), r.DecayFactor!.Value);
    }

    // ---------- rejections ----------

    public static TheoryData<string, string, SuvFailure> Rejections() => new()
    {
        { "weight-missing", "Patient Weight (0010,1030) is missing", SuvFailure.MissingValue },
        { "weight-zero", "Patient Weight (0010,1030) must be a positive number of kg (got 0)", SuvFailure.InvalidValue },
        { "weight-negative", "Patient Weight (0010,1030) must be a positive number of kg (got -70)", SuvFailure.InvalidValue },
        { "weight-nan", "Patient Weight (0010,1030) must be a positive number of kg (got NaN)", SuvFailure.InvalidValue },
        { "dose-missing", "Radionuclide Total Dose (0018,1074) is missing", SuvFailure.MissingValue },
        { "dose-zero", "Radionuclide Total Dose (0018,1074) must be a positive number of Bq (got 0)", SuvFailure.InvalidValue },
        { "dose-negative", "Radionuclide Total Dose (0018,1074) must be a positive number of Bq (got -1)", SuvFailure.InvalidValue },
        { "no-decy", "Corrected Image (0028,0051) lacks DECY", SuvFailure.NotCorrected },
        { "no-attn", "Corrected Image (0028,0051) lacks ATTN", SuvFailure.NotCorrected },
        { "no-attn-no-decy", "Corrected Image (0028,0051) lacks ATTN and DECY", SuvFailure.NotCorrected },
        { "corrected-empty", "Corrected Image (0028,0051) is missing", SuvFailure.NotCorrected },
        { "decay-none", "Decay Correction (0054,1102) is NONE", SuvFailure.DecayCorrection },
        { "decay-missing", "Decay Correction (0054,1102) is missing", SuvFailure.DecayCorrection },
        { "decay-unknown", "Decay Correction (0054,1102) 'XYZ' is not supported", SuvFailure.DecayCorrection },
        { "units-missing", "Units (0054,1001) is missing", SuvFailure.Units },
        { "units-propcnts", "Units (0054,1001) 'PROPCNTS' is not supported", SuvFailure.Units },
        { "cnts-no-factor", "Units (0054,1001) are CNTS but neither a non-zero Philips SUV Scale Factor (7053,1000) nor a Philips Activity Concentration Scale Factor (7053,1009) is present", SuvFailure.MissingValue },
        { "cnts-negative-1000", "Philips SUV Scale Factor (7053,1000) must be a positive number", SuvFailure.InvalidValue },
        { "cnts-zero-1009", "Philips Activity Concentration Scale Factor (7053,1009) must be a positive number", SuvFailure.InvalidValue },
        { "series-missing", "Series Date/Time (0008,0021/0031) is missing", SuvFailure.MissingValue },
        { "acquisition-missing", "Acquisition Date/Time (0008,0022/0032) is missing", SuvFailure.MissingValue },
        { "start-missing", "Radiopharmaceutical Start Time (0018,1072) and Radiopharmaceutical Start DateTime (0018,1078) are both missing", SuvFailure.MissingValue },
        { "start-malformed", "Radiopharmaceutical Start Time (0018,1072) '9:3' is not a valid DICOM TM value", SuvFailure.InvalidValue },
        { "injection-after-scan", "Injection (Radiopharmaceutical Start DateTime (0018,1078)) 2024-03-15 10:05:00 is after the scan reference time 2024-03-15 10:00:00", SuvFailure.Contradictory },
        { "start-time-after-scan-same-day", "Radiopharmaceutical Start Time (0018,1072) '100500' is after the scan time 2024-03-15 10:00:00 on the same day and a midnight crossing would imply an injection-to-scan interval of 23.92 h", SuvFailure.Contradictory },
        { "start-two-days-before", "an injection-to-scan interval of 48.5 h, beyond the plausible maximum of 12 h", SuvFailure.Contradictory },
        { "start-dt-tm-disagree", "Radiopharmaceutical Start DateTime (0018,1078) 2024-03-15 09:30:00 contradicts Radiopharmaceutical Start Time (0018,1072) '094500'", SuvFailure.Contradictory },
        { "series-date-contradicts", "Series Date (0008,0021) 2024-03-14 contradicts Series Date/Time 2024-03-15 10:00:00", SuvFailure.Contradictory },
        { "half-life-negative", "Radionuclide Half Life (0018,1075) must be a positive number of seconds (got -1220.04)", SuvFailure.InvalidValue },
        { "half-life-no-fallback", "Radionuclide Half Life (0018,1075) is missing and no fallback half-life is configured", SuvFailure.MissingValue },
    };

    [Theory]
    [MemberData(nameof(Rejections))]
    public void Rejects_with_specific_reason(string caseName, string expectedMessage, SuvFailure expectedFailure)
    {
        var (inputs, options) = RejectionCase(caseName);

        var ex = Assert.Throws<SuvCalculationException>(() => SuvCalculator.ComputeBodyWeightFactor(inputs, options));

        Assert.Contains(expectedMessage, ex.Message, StringComparison.Ordinal);
        Assert.Equal(expectedFailure, ex.Failure);
    }

    private static (SuvInputs Inputs, SuvOptions Options) RejectionCase(string name)
    {
        var b = Base() with
        {
            SeriesDateTime = new DateTime(2024, 3, 15, 10, 0, 0),
            AcquisitionDateTime = new DateTime(2024, 3, 15, 10, 0, 0),
        };
        var o = new SuvOptions();
        return name switch
        {
            "weight-missing" => (b with { PatientWeightKg = null }, o),
            "weight-zero" => (b with { PatientWeightKg = 0 }, o),
            "weight-negative" => (b with { PatientWeightKg = -70 }, o),
            "weight-nan" => (b with { PatientWeightKg = double.NaN }, o),
            "dose-missing" => (b with { RadionuclideTotalDoseBq = null }, o),
            "dose-zero" => (b with { RadionuclideTotalDoseBq = 0 }, o),
            "dose-negative" => (b with { RadionuclideTotalDoseBq = -1 }, o),
            "no-decy" => (b with { CorrectedImage = ["ATTN", "SCAT"] }, o),
            "no-attn" => (b with { CorrectedImage = ["DECY", "SCAT"] }, o),
            "no-attn-no-decy" => (b with { CorrectedImage = ["NORM"] }, o),
            "corrected-empty" => (b with { CorrectedImage = [] }, o),
            "decay-none" => (b with { DecayCorrection = "NONE" }, o),
            "decay-missing" => (b with { DecayCorrection = "  " }, o),
            "decay-unknown" => (b with { DecayCorrection = "XYZ" }, o),
            "units-missing" => (b with { Units = null }, o),
            "units-propcnts" => (b with { Units = "PROPCNTS" }, o),
            "cnts-no-factor" => (b with { Units = "CNTS", PhilipsSuvScaleFactor = 0 }, o),
            "cnts-negative-1000" => (b with { Units = "CNTS", PhilipsSuvScaleFactor = -0.001 }, o),
            "cnts-zero-1009" => (b with { Units = "CNTS", PhilipsActivityConcentrationScaleFactor = 0 }, o),
            "series-missing" => (b with { SeriesDateTime = null }, o),
            "acquisition-missing" => (b with { AcquisitionDateTime = null }, o),
            "start-missing" => (b with { RadiopharmaceuticalStartTime = " " }, o),
            "start-malformed" => (b with { RadiopharmaceuticalStartTime = "9:3" }, o),
            "injection-after-scan" => (b with { RadiopharmaceuticalStartDateTime = new DateTime(2024, 3, 15, 10, 5, 0), RadiopharmaceuticalStartTime = null }, o),
            "start-time-after-scan-same-day" => (b with { RadiopharmaceuticalStartTime = "100500" }, o),
            "start-two-days-before" => (b with { RadiopharmaceuticalStartDateTime = new DateTime(2024, 3, 13, 9, 30, 0), RadiopharmaceuticalStartTime = null }, o),
            "start-dt-tm-disagree" => (b with { RadiopharmaceuticalStartDateTime = Injection, RadiopharmaceuticalStartTime = "094500" }, o),
            "series-date-contradicts" => (b with { SeriesDate = new DateOnly(2024, 3, 14) }, o),
            "half-life-negative" => (b with { RadionuclideHalfLifeSeconds = -1220.04 }, o),
            "half-life-no-fallback" => (b with { RadionuclideHalfLifeSeconds = null }, o with { FallbackHalfLifeSeconds = null }),
            _ => throw new ArgumentOutOfRangeException(nameof(name), name, null),
        };
    }
}
