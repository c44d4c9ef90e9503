using System.Globalization;
using AmpaCds.Contracts.Reporting;
using AmpaCds.Reporting.Rendering;
using AmpaCds.Reporting.Studies;

namespace AmpaCds.Reporting.Api;

/// <summary>Maps the gateway's study record onto the gRPC report message.</summary>
public static partial class ReportMapper
{
    public static Report ToReport(StudyRecord record)
    {
        var report = new Report
        {
            StudyInstanceUid = record.StudyInstanceUid,
            SeriesInstanceUid = record.SeriesInstanceUid,
            PatientName = record.Patient?.PatientName ?? "",
            PatientId = record.Patient?.PatientId ?? "",
            StudyDate = record.Patient?.StudyDate ?? "",
            Stage = record.Stage,
            IntendedUse = IntendedUse.Statement,
            GeneratedAt = record.UpdatedAt.ToString("O", CultureInfo.InvariantCulture),
        };
        if (record.Uptake is { } uptake)
        {
            report.ReferenceRegion = uptake.ReferenceRegion;
            report.AtlasVersion = uptake.AtlasVersion;
            report.Registration = ToRegistration(uptake.Registration);
            report.Regions.AddRange(uptake.Regions.Select(ToRegion));
            if (uptake.NormativeDatabase is { } database)
            {
                report.NormativeDatabase = ToNormativeDatabase(database);
            }
            if (uptake.Longitudinal is { } change)
            {
                report.Longitudinal = ToLongitudinal(change);
            }
            report.LongitudinalNotCompared = uptake.LongitudinalNotCompared ?? "";
        }
        if (record.Forecast is { } forecast)
        {
            report.Forecast = ToForecast(forecast);
        }
        report.Versions.AddRange(record.Versions.Select(version => ToVersion(version)));
        return report;
    }

    public static ReportVersion ToVersion(ReportVersionRecord version)
    {
        ArgumentNullException.ThrowIfNull(version);
        return new ReportVersion
        {
            Version = version.Version,
            InputHash = version.InputHash,
            ModelVersion = version.ModelVersion,
            CreatedAt = version.CreatedAt.ToString("O", CultureInfo.InvariantCulture),
            ChangeSummary = version.ChangeSummary,
            CorrelationId = version.CorrelationId.ToString(),
            SeriesVersion = version.SeriesVersion,
        };
    }

    public static StudySummary ToSummary(StudyRecord record) => new()
    {
        StudyInstanceUid = record.StudyInstanceUid,
        SeriesInstanceUid = record.SeriesInstanceUid,
        Stage = record.Stage,
        StageDetail = record.StageDetail,
        UpdatedAt = record.UpdatedAt.ToString("O", CultureInfo.InvariantCulture),
    };

    public static StageUpdate ToUpdate(StageChange change) => new()
    {
        StudyInstanceUid = change.StudyInstanceUid,
        Stage = change.Stage,
        Detail = change.Detail,
        At = change.At.ToString("O", CultureInfo.InvariantCulture),
    };
}
