using AmpaCds.Contracts.Messages;
using AmpaCds.Reporting.Studies;
using AmpaCds.Reporting.Studies.Stored;

namespace AmpaCds.Reporting.Tests;

public static class StudyRecords
{
    public static readonly Guid Run = Guid.Parse("6f1c2b1e-0000-4000-8000-000000000001");

    public const string Model = "k2-response-1.0.0+abcdef12";

    public static RegionalUptakeMeasured Uptake(Guid run, string study = "1.2.3") => new(run, study, study + ".4",
        [new RegionalUptake("frontal_cortex", 2.1, 1.31, 31000, 1.0, 0.5), new RegionalUptake("lateral_habenula", 1.5, 0.94, 66, 0.98, -2.4)],
        "whole_brain", 1.6, new RegistrationQuality(0.97, true, "passed", 0.85, 0.99, 1.01, 0.98, 1.0, 42), "atlas-1", 0.0012, DateTimeOffset.UnixEpoch,
        new NormativeDatabaseReference("normdb-synthetic-1", true, 20, false),
        Longitudinal: new LongitudinalChange("key", "1.2.2", [new RegionalChange("frontal_cortex", 1.25, 1.31, 0.06, 4.8, -2.5, 0.5)], 2.0, 2, 1, 0.5));

    public static readonly PetAcquisition Acquisition = new("AmpaCds simulator", "Virtual brain PET", "OSEM3D+PSF 4i16s", "Gaussian 3.0 mm",
        "CT-based, segmented", "START", "[11C]K-2", 450, 40, 2, 2, 2, 90);

    public static ResponseForecastIssued Forecast(Guid run, string study = "1.2.3", string model = Model) =>
        new(run, study, study + ".4", 0.37, -22.5, model, true, DateTimeOffset.UnixEpoch,
            new ResponseForecastIssued.Interval(0.21, 0.55), new ResponseForecastIssued.Interval(-40, -5),
            [new ResponseForecastIssued.RegionContribution("suvr_lateral_habenula", 0.62, -1.8), new ResponseForecastIssued.RegionContribution("suvr_frontal_cortex", -0.11, 0.4)],
            "platt (out-of-fold logits)", $"{model}: trained on 400 synthetic patients");

    public static PetSeriesReceived Series(Guid run, string study, string inputHash, int seriesVersion = 1, string changeSummary = "first version") =>
        new(run, study, study + ".4", $"dicom/{study}/{study}.4/", 3, "number-of-slices", DateTimeOffset.UnixEpoch)
        {
            InputHash = inputHash,
            SeriesVersion = seriesVersion,
            ChangeSummary = changeSummary,
        };

    public static StudyDemographicsCaptured Demographics(Guid run, string study) =>
        new(run, study, study + ".4", "Yamada^Tarou", "P-77", "20260115", "K-2 PET");

    public static StudyRecord Complete(string patientName = "Yamada^Tarou") => new()
    {
        StudyInstanceUid = "1.2.3",
        SeriesInstanceUid = "1.2.3.4",
        CorrelationId = Run,
        Patient = new PatientHeader(patientName, "P-77", "20260115", "K-2 PET"),
        Uptake = StoredResultMapper.ToStored(Uptake(Run)),
        Forecast = StoredResultMapper.ToStored(Forecast(Run)),
    };

    /// <summary>A study UID no other test of the class uses (the classes share one database).</summary>
    public static string NewStudyUid() => $"1.2.826.0.1.{Random.Shared.Next(1, int.MaxValue)}";
}
