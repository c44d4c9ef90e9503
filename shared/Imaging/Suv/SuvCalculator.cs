using System.Globalization;

namespace AmpaCds.Imaging.Suv;

/// <summary>
/// Body-weight SUV scale factor following the QIBA "vendor-neutral pseudo-code for SUV calculation"
/// (see README.md in this folder for the rules, deviations and sources).
/// </summary>
public static class SuvCalculator
{
    private static readonly CultureInfo Inv = CultureInfo.InvariantCulture;

    /// <summary>
    /// Computes the factor that turns a rescaled stored PET value (value * RescaleSlope + RescaleIntercept)
    /// into SUVbw (g/mL).
    /// </summary>
    /// <exception cref="SuvCalculationException">The factor cannot be computed; the message gives the reason.</exception>
    public static SuvFactorResult ComputeBodyWeightFactor(SuvInputs inputs, SuvOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(inputs);
        options ??= SuvOptions.Default;

        CheckCorrectedImage(inputs.CorrectedImage);
        var decay = CheckDecayCorrection(inputs.DecayCorrection);
        CheckSeriesDateConsistency(inputs);

        var units = Normalize(inputs.Units);
        switch (units)
        {
            case null:
                throw Fail(SuvFailure.Units, "Units (0054,1001) is missing");

            case "BQML":
                return FromActivityConcentration(inputs, options, decay, scale: 1.0,
                    decay == DecayMode.Start ? SuvConversion.BqmlStart : SuvConversion.BqmlAdmin,
                    decay == DecayMode.Start ? "BQML/START" : "BQML/ADMIN", []);

            case "CNTS":
                return FromPhilipsCounts(inputs, options, decay);

            case "GML":
                return new SuvFactorResult
                {
                    Factor = 1.0,
                    DecayCorrectedDoseBq = null,
                    ReferenceTime = null,
                    ReferenceTimeRule = SuvReferenceTimeRules.NotApplicable,
                    DecayFactor = null,
                    HalfLifeFromHeader = HeaderHalfLifePresent(inputs),
                    UnitsHandled = "GML (values already SUVbw)",
                    Conversion = SuvConversion.Gml,
                    Notes = ["Units GML are taken to mean SUVbw (not SUVlbm), as in the QIBA pseudo-code"],
                };

            default:
                throw Fail(SuvFailure.Units, $"Units (0054,1001) '{units}' is not supported for SUV (expected BQML, CNTS or GML)");
        }
    }

    private enum DecayMode { Start, Admin }

    private static void CheckCorrectedImage(IReadOnlyList<string>? correctedImage)
    {
        var values = (correctedImage ?? []).Select(Normalize).OfType<string>().ToHashSet(StringComparer.Ordinal);
        if (values.Count == 0)
        {
            throw Fail(SuvFailure.NotCorrected, "Corrected Image (0028,0051) is missing; it must contain ATTN and DECY");
        }

        var lacking = new[] { "ATTN", "DECY" }.Where(v => !values.Contains(v)).ToArray();
        if (lacking.Length > 0)
        {
            throw Fail(SuvFailure.NotCorrected,
                $"Corrected Image (0028,0051) lacks {string.Join(" and ", lacking)} (has {string.Join('\\', values.Order(StringComparer.Ordinal))})");
        }
    }

    private static DecayMode CheckDecayCorrection(string? decayCorrection) => Normalize(decayCorrection) switch
    {
        null => throw Fail(SuvFailure.DecayCorrection, "Decay Correction (0054,1102) is missing"),
        "START" => DecayMode.Start,
        "ADMIN" => DecayMode.Admin,
        "NONE" => throw Fail(SuvFailure.DecayCorrection,
            "Decay Correction (0054,1102) is NONE: the image is not decay corrected (contradicting DECY in Corrected Image (0028,0051))"),
        var other => throw Fail(SuvFailure.DecayCorrection,
            $"Decay Correction (0054,1102) '{other}' is not supported (expected START or ADMIN)"),
    };

    private static void CheckSeriesDateConsistency(SuvInputs inputs)
    {
        if (inputs is { SeriesDate: { } date, SeriesDateTime: { } dateTime } && date != DateOnly.FromDateTime(dateTime))
        {
            throw Fail(SuvFailure.Contradictory,
                $"Series Date (0008,0021) {date.ToString("yyyy-MM-dd", Inv)} contradicts Series Date/Time {Format(dateTime)}");
        }
    }

    private static SuvFactorResult FromPhilipsCounts(SuvInputs inputs, SuvOptions options, DecayMode decay)
    {
        if (inputs.PhilipsSuvScaleFactor is { } suvScale && suvScale != 0.0)
        {
            if (!double.IsFinite(suvScale) || suvScale < 0)
            {
                throw Fail(SuvFailure.InvalidValue,
                    $"Philips SUV Scale Factor (7053,1000) must be a positive number (got {suvScale.ToString("R", Inv)})");
            }

            return new SuvFactorResult
            {
                Factor = suvScale,
                DecayCorrectedDoseBq = null,
                ReferenceTime = null,
                ReferenceTimeRule = SuvReferenceTimeRules.NotApplicable,
                DecayFactor = null,
                HalfLifeFromHeader = HeaderHalfLifePresent(inputs),
                UnitsHandled = "CNTS/Philips SUV scale factor (7053,1000)",
                Conversion = SuvConversion.PhilipsSuvScaleFactor,
                Notes = [$"Philips private SUV scale factor (7053,1000) used as is{ManufacturerSuffix(inputs)}; weight, dose and timing not used"],
            };
        }

        if (inputs.PhilipsActivityConcentrationScaleFactor is { } activityScale)
        {
            if (!double.IsFinite(activityScale) || activityScale <= 0)
            {
                throw Fail(SuvFailure.InvalidValue,
                    $"Philips Activity Concentration Scale Factor (7053,1009) must be a positive number (got {activityScale.ToString("R", Inv)})");
            }

            var start = decay == DecayMode.Start;
            return FromActivityConcentration(inputs, options, decay, activityScale,
                start ? SuvConversion.PhilipsActivityConcentrationStart : SuvConversion.PhilipsActivityConcentrationAdmin,
                start ? "CNTS/Philips activity concentration (7053,1009) then BQML/START" : "CNTS/Philips activity concentration (7053,1009) then BQML/ADMIN",
                [$"CNTS converted to Bq/mL with Philips Activity Concentration Scale Factor (7053,1009) = {activityScale.ToString("R", Inv)}{ManufacturerSuffix(inputs)}"]);
        }

        throw Fail(SuvFailure.MissingValue,
            "Units (0054,1001) are CNTS but neither a non-zero Philips SUV Scale Factor (7053,1000) nor a Philips Activity Concentration Scale Factor (7053,1009) is present");
    }

    private static SuvFactorResult FromActivityConcentration(
        SuvInputs inputs, SuvOptions options, DecayMode decay, double scale,
        SuvConversion conversion, string unitsHandled, List<string> notes)
    {
        var weightKg = inputs.PatientWeightKg
            ?? throw Fail(SuvFailure.MissingValue, "Patient Weight (0010,1030) is missing");
        if (!double.IsFinite(weightKg) || weightKg <= 0)
        {
            throw Fail(SuvFailure.InvalidValue, $"Patient Weight (0010,1030) must be a positive number of kg (got {weightKg.ToString("R", Inv)})");
        }

        var doseBq = inputs.RadionuclideTotalDoseBq
            ?? throw Fail(SuvFailure.MissingValue, "Radionuclide Total Dose (0018,1074) is missing");
        if (!double.IsFinite(doseBq) || doseBq <= 0)
        {
            throw Fail(SuvFailure.InvalidValue, $"Radionuclide Total Dose (0018,1074) must be a positive number of Bq (got {doseBq.ToString("R", Inv)})");
        }

        var weightG = weightKg * 1000.0;

        if (decay == DecayMode.Admin)
        {
            // Values are decay corrected to the administration time, i.e. to the time the dose refers to.
            return new SuvFactorResult
            {
                Factor = scale * weightG / doseBq,
                DecayCorrectedDoseBq = doseBq,
                ReferenceTime = TryAdministrationTime(inputs),
                ReferenceTimeRule = SuvReferenceTimeRules.Administration,
                DecayFactor = 1.0,
                HalfLifeFromHeader = HeaderHalfLifePresent(inputs),
                UnitsHandled = unitsHandled,
                Conversion = conversion,
                Notes = notes,
            };
        }

        var (halfLife, halfLifeFromHeader) = ResolveHalfLife(inputs, options, notes);
        var (scanTime, rule) = ResolveScanTime(inputs, notes);
        var injectionTime = ResolveInjectionTime(inputs, options, scanTime, rule, notes);

        var elapsedSeconds = (scanTime - injectionTime).TotalSeconds;
        var decayFactor = Math.Exp(-Math.Log(2.0) * elapsedSeconds / halfLife);
        var decayedDose = doseBq * decayFactor;

        return new SuvFactorResult
        {
            Factor = scale * weightG / decayedDose,
            DecayCorrectedDoseBq = decayedDose,
            ReferenceTime = scanTime,
            ReferenceTimeRule = rule,
            DecayFactor = decayFactor,
            InjectionTime = injectionTime,
            HalfLifeSecondsUsed = halfLife,
            HalfLifeFromHeader = halfLifeFromHeader,
            UnitsHandled = unitsHandled,
            Conversion = conversion,
            Notes = notes,
        };
    }

    private static (double HalfLife, bool FromHeader) ResolveHalfLife(SuvInputs inputs, SuvOptions options, List<string> notes)
    {
        if (inputs.RadionuclideHalfLifeSeconds is { } header && header != 0.0)
        {
            if (!double.IsFinite(header) || header < 0)
            {
                throw Fail(SuvFailure.InvalidValue,
                    $"Radionuclide Half Life (0018,1075) must be a positive number of seconds (got {header.ToString("R", Inv)})");
            }

            return (header, true);
        }

        var fallback = options.FallbackHalfLifeSeconds
            ?? throw Fail(SuvFailure.MissingValue, "Radionuclide Half Life (0018,1075) is missing and no fallback half-life is configured");
        if (!double.IsFinite(fallback) || fallback <= 0)
        {
            throw Fail(SuvFailure.InvalidValue,
                $"Radionuclide Half Life (0018,1075) is missing and the configured fallback half-life is invalid ({fallback.ToString("R", Inv)} s)");
        }

        notes.Add($"Radionuclide Half Life (0018,1075) missing or zero: fallback half-life {fallback.ToString("R", Inv)} s used");
        return (fallback, false);
    }

    private static (DateTime ScanTime, string Rule) ResolveScanTime(SuvInputs inputs, List<string> notes)
    {
        var series = inputs.SeriesDateTime
            ?? throw Fail(SuvFailure.MissingValue, "Series Date/Time (0008,0021/0031) is missing");
        var acquisition = inputs.AcquisitionDateTime
            ?? throw Fail(SuvFailure.MissingValue, "Acquisition Date/Time (0008,0022/0032) is missing");

        if (series <= acquisition)
        {
            return (series, SuvReferenceTimeRules.SeriesDateTime);
        }

        // Series Date/Time after acquisition: may be a post-processed series whose Series Date/Time is
        // the creation time of the new series, unrelated to the acquisition.
        if (inputs.GePrivateScanDateTime is { } ge)
        {
            notes.Add($"Series Date/Time {Format(series)} is after Acquisition Date/Time {Format(acquisition)}: GE private scan Date/Time (0009,100D) {Format(ge)} used");
            return (ge, SuvReferenceTimeRules.GePrivateScanDateTime);
        }

        notes.Add($"Series Date/Time {Format(series)} is after Acquisition Date/Time {Format(acquisition)}: earliest Acquisition Date/Time used");
        return (acquisition, SuvReferenceTimeRules.EarliestAcquisitionDateTime);
    }

    private static DateTime ResolveInjectionTime(SuvInputs inputs, SuvOptions options, DateTime scanTime, string rule, List<string> notes)
    {
        DateTime injection;
        var assumedPreviousDay = false;
        var rawTime = Normalize(inputs.RadiopharmaceuticalStartTime);

        if (inputs.RadiopharmaceuticalStartDateTime is { } explicitStart)
        {
            injection = explicitStart;
            if (rawTime is not null)
            {
                var tm = ParseStartTime(rawTime);
                var diff = (explicitStart.TimeOfDay - tm).Duration();
                if (diff > TimeSpan.FromHours(12))
                {
                    diff = TimeSpan.FromDays(1) - diff;
                }

                if (diff > options.StartTimeConsistencyTolerance)
                {
                    throw Fail(SuvFailure.Contradictory,
                        $"Radiopharmaceutical Start DateTime (0018,1078) {Format(explicitStart)} contradicts Radiopharmaceutical Start Time (0018,1072) '{rawTime}'");
                }
            }
        }
        else
        {
            if (rawTime is null)
            {
                throw Fail(SuvFailure.MissingValue,
                    "Radiopharmaceutical Start Time (0018,1072) and Radiopharmaceutical Start DateTime (0018,1078) are both missing");
            }

            var tm = ParseStartTime(rawTime);

            // The start date is not explicit: assume the Series Date (the date of the scan reference time
            // when that came from elsewhere), but consider spanning midnight.
            var date = rule == SuvReferenceTimeRules.SeriesDateTime
                ? inputs.SeriesDate ?? DateOnly.FromDateTime(scanTime)
                : DateOnly.FromDateTime(scanTime);
            injection = date.ToDateTime(TimeOnly.MinValue) + tm;
            if (injection > scanTime)
            {
                injection = injection.AddDays(-1);
                assumedPreviousDay = true;
                notes.Add($"Radiopharmaceutical Start Time (0018,1072) '{rawTime}' is later in the day than the scan time {Format(scanTime)}: injection assumed on the previous day (midnight crossing)");
            }
        }

        if (injection > scanTime)
        {
            throw Fail(SuvFailure.Contradictory,
                $"Injection (Radiopharmaceutical Start DateTime (0018,1078)) {Format(injection)} is after the scan reference time {Format(scanTime)}");
        }

        var elapsed = scanTime - injection;
        if (elapsed > options.MaxInjectionToScan)
        {
            var why = assumedPreviousDay
                ? $"Radiopharmaceutical Start Time (0018,1072) '{rawTime}' is after the scan time {Format(scanTime)} on the same day and a midnight crossing would imply"
                : $"Injection at {Format(injection)} and scan reference time {Format(scanTime)} imply";
            throw Fail(SuvFailure.Contradictory,
                $"{why} an injection-to-scan interval of {elapsed.TotalHours.ToString("0.##", Inv)} h, beyond the plausible maximum of {options.MaxInjectionToScan.TotalHours.ToString("0.##", Inv)} h");
        }

        return injection;
    }

    private static TimeSpan ParseStartTime(string raw) => SuvDicomText.TryParseTime(raw, out var tm)
        ? tm
        : throw Fail(SuvFailure.InvalidValue, $"Radiopharmaceutical Start Time (0018,1072) '{raw}' is not a valid DICOM TM value");

    private static DateTime? TryAdministrationTime(SuvInputs inputs)
    {
        if (inputs.RadiopharmaceuticalStartDateTime is { } explicitStart)
        {
            return explicitStart;
        }

        var date = inputs.SeriesDate ?? (inputs.SeriesDateTime is { } s ? DateOnly.FromDateTime(s) : null);
        return date is { } d && SuvDicomText.TryParseTime(inputs.RadiopharmaceuticalStartTime, out var tm)
            ? d.ToDateTime(TimeOnly.MinValue) + tm
            : null;
    }

    private static bool HeaderHalfLifePresent(SuvInputs inputs)
        => inputs.RadionuclideHalfLifeSeconds is { } h && double.IsFinite(h) && h > 0;

    private static string ManufacturerSuffix(SuvInputs inputs)
        => Normalize(inputs.Manufacturer) is null ? string.Empty : $" (Manufacturer '{inputs.Manufacturer!.Trim()}')";

    private static string? Normalize(string? value)
        => string.IsNullOrWhiteSpace(value) ? null : value.Trim().ToUpperInvariant();

    private static string Format(DateTime value) => value.ToString("yyyy-MM-dd HH:mm:ss.FFFFFF", Inv);

    private static SuvCalculationException Fail(SuvFailure failure, string message) => new(failure, message);
}
