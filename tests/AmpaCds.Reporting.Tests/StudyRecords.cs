using AmpaCds.Contracts.Messages;
using AmpaCds.Reporting.Studies;

namespace AmpaCds.Reporting.Tests;

public static class StudyRecords
{
    public static readonly Guid Run = Guid.Parse("6f1c2b1e-0000-4000-8000-000000000001");

    public static RegionalUptakeMeasured Uptake(Guid run) => new(run, "1.2.3", "1.2.3.4",
        [new RegionalUptake("frontal_cortex", 2.1, 1.31, 31000, 1.0), new RegionalUptake("lateral_habenula", 1.5, 0.94, 66, 0.98)],
        "whole_brain", 1.6, new RegistrationQuality(0.97, true, "passed"), "atlas-1", 0.0012, DateTimeOffset.UnixEpoch);

    public static ResponseForecastIssued Forecast(Guid run) =>
        new(run, "1.2.3", "1.2.3.4", 0.37, -22.5, "k2-response-1.0.0+abcdef12", true, DateTimeOffset.UnixEpoch);

    public static StudyRecord Complete(string patientName = "Yamada^Tarou") => new()
    {
        StudyInstanceUid = "1.2.3",
        SeriesInstanceUid = "1.2.3.4",
        CorrelationId = Run,
        Patient = new PatientHeader(patientName, "P-77", "20260115", "K-2 PET"),
        Uptake = Uptake(Run),
        Forecast = Forecast(Run),
    };
}
