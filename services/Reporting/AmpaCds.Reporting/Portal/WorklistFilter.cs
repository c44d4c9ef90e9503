using System.Globalization;
using AmpaCds.Contracts.Reporting;
using AmpaCds.Reporting.Studies;

namespace AmpaCds.Reporting.Portal;

/// <summary>The worklist's search: patient name or ID (substring, any case), study date range, stage.</summary>
public sealed record WorklistFilter(string? Patient, DateOnly? From, DateOnly? To, PipelineStage? Stage)
{
    public static WorklistFilter Parse(string? patient, string? from, string? to, string? stage) => new(
        string.IsNullOrWhiteSpace(patient) ? null : patient.Trim(),
        DateOnly.TryParseExact(from, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var start) ? start : null,
        DateOnly.TryParseExact(to, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var end) ? end : null,
        Enum.TryParse<PipelineStage>(stage, ignoreCase: true, out var parsed) && parsed != PipelineStage.Unspecified ? parsed : null);

    public bool Matches(StudyRecord study)
    {
        ArgumentNullException.ThrowIfNull(study);
        if (Stage is { } stage && study.Stage != stage)
        {
            return false;
        }
        if (Patient is { } text
            && !(study.Patient?.PatientName ?? "").Contains(text, StringComparison.OrdinalIgnoreCase)
            && !(study.Patient?.PatientId ?? "").Contains(text, StringComparison.OrdinalIgnoreCase))
        {
            return false;
        }
        if (From is null && To is null)
        {
            return true;
        }
        if (!DateOnly.TryParseExact(study.Patient?.StudyDate, "yyyyMMdd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
        {
            return false;
        }
        return (From is not { } from || date >= from) && (To is not { } to || date <= to);
    }
}
