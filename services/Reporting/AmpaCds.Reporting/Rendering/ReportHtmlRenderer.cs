using System.Globalization;
using System.Text;
using AmpaCds.Reporting.Studies;

namespace AmpaCds.Reporting.Rendering;

/// <summary>The per-patient report as a self-contained HTML page (no scripts, no external assets).</summary>
public static class ReportHtmlRenderer
{
    private const string Style =
        "<style>body{font-family:sans-serif;margin:2em;max-width:60em}table{border-collapse:collapse;margin-bottom:1em}" +
        "td,th{border:1px solid #999;padding:2px 8px;text-align:right}th:first-child,td:first-child{text-align:left}" +
        "table.facts td{text-align:left}" +
        ".warn{background:#fff3cd;padding:.5em;border:1px solid #e0c060}.note{background:#eef;padding:.5em}</style>";

    public static string Render(StudyRecord record, DateTimeOffset generatedAt)
    {
        var uptake = record.Uptake ?? throw new InvalidOperationException("report needs regional uptake");
        var forecast = record.Forecast ?? throw new InvalidOperationException("report needs a forecast");
        var patient = record.Patient ?? new PatientHeader("(unknown)", "(unknown)", "", "");
        var html = new StringBuilder();
        html.Append("<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>AmpaCds report</title>")
            .Append(Style).Append("</head><body><h1>[11C]K-2 AMPA receptor PET: ketamine response report</h1>");
        Html.Section(html, "Patient and study",
            Html.Row("Patient", DisplayFormats.PersonName(patient.PatientName)), Html.Row("Patient ID", patient.PatientId),
            Html.Row("Study date", DisplayFormats.Date(patient.StudyDate)),
            Html.Row("Study", patient.StudyDescription), Html.Row("Study Instance UID", record.StudyInstanceUid),
            Html.Row("Series Instance UID", record.SeriesInstanceUid));
        Html.Note(html, IntendedUse.Statement);
        if (forecast.ModelTrainedOnSyntheticData)
        {
            Html.Note(html, IntendedUse.SyntheticModelWarning);
        }
        ForecastHtml.Append(html, forecast);
        UptakeHtml.Append(html, uptake);
        html.Append("<p>Generated ").Append(generatedAt.ToString("u", CultureInfo.InvariantCulture)).Append(" by AmpaCds.</p></body></html>");
        return html.ToString();
    }
}
