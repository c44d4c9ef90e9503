using System.Globalization;
using System.Text;
using AmpaCds.Reporting.Studies;
using static System.Net.WebUtility;

namespace AmpaCds.Reporting.Rendering;

/// <summary>The per-patient report as a self-contained HTML page (no scripts, no external assets).</summary>
public static class ReportHtmlRenderer
{
    public static string Render(StudyRecord record, DateTimeOffset generatedAt)
    {
        var uptake = record.Uptake ?? throw new InvalidOperationException("report needs regional uptake");
        var forecast = record.Forecast ?? throw new InvalidOperationException("report needs a forecast");
        var patient = record.Patient ?? new PatientHeader("(unknown)", "(unknown)", "", "");
        var html = new StringBuilder();
        html.Append("<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>AmpaCds report</title>")
            .Append("<style>body{font-family:sans-serif;margin:2em;max-width:60em}table{border-collapse:collapse}")
            .Append("td,th{border:1px solid #999;padding:2px 8px;text-align:right}th:first-child,td:first-child{text-align:left}")
            .Append(".warn{background:#fff3cd;padding:.5em;border:1px solid #e0c060}.fail{color:#a00}</style></head><body>")
            .Append("<h1>[11C]K-2 AMPA receptor PET: ketamine response report</h1>");
        Section(html, "Patient and study",
            Row("Patient", patient.PatientName), Row("Patient ID", patient.PatientId), Row("Study date", patient.StudyDate),
            Row("Study", patient.StudyDescription), Row("Study Instance UID", record.StudyInstanceUid),
            Row("Series Instance UID", record.SeriesInstanceUid));
        html.Append("<p class=\"warn\">").Append(HtmlEncode(IntendedUse.Statement)).Append("</p>");
        if (forecast.ModelTrainedOnSyntheticData)
        {
            html.Append("<p class=\"warn\"><strong>").Append(HtmlEncode(IntendedUse.SyntheticModelWarning)).Append("</strong></p>");
        }
        Section(html, "Forecast (exploratory)",
            Row("Probability of response (&ge;50% MADRS reduction)", Percent(forecast.ResponseProbability), encoded: true),
            Row("Expected MADRS change", $"{forecast.ExpectedMadrsChangePercent:F1} %"),
            Row("Model version", forecast.ModelVersion));
        var quality = uptake.Registration;
        Section(html, "Spatial normalisation",
            Row("Similarity to template (NCC)", quality.Similarity.ToString("F3", CultureInfo.InvariantCulture)),
            Row("Result", quality.Passed ? "passed" : "FAILED"), Row("Detail", quality.Detail),
            Row("Atlas", uptake.AtlasVersion), Row("SUVR reference region", uptake.ReferenceRegion),
            Row("Reference SUV mean", uptake.ReferenceSuvMean.ToString("F3", CultureInfo.InvariantCulture)));
        AppendRegionTable(html, uptake);
        html.Append("<p>Generated ").Append(HtmlEncode(generatedAt.ToString("u", CultureInfo.InvariantCulture)))
            .Append(" by AmpaCds.</p></body></html>");
        return html.ToString();
    }

    private static void AppendRegionTable(StringBuilder html, Contracts.Messages.RegionalUptakeMeasured uptake)
    {
        html.Append("<h2>Regional AMPA receptor density</h2><table><tr><th>Region</th><th>SUV mean (g/mL)</th>")
            .Append("<th>SUVR</th><th>Voxels</th><th>Coverage</th></tr>");
        foreach (var region in uptake.Regions)
        {
            html.Append("<tr><td>").Append(HtmlEncode(region.Name.Replace('_', ' '))).Append("</td><td>")
                .Append(region.SuvMean.ToString("F3", CultureInfo.InvariantCulture)).Append("</td><td>")
                .Append(region.Suvr.ToString("F3", CultureInfo.InvariantCulture)).Append("</td><td>")
                .Append(region.Voxels.ToString(CultureInfo.InvariantCulture)).Append("</td><td>")
                .Append(Percent(region.Coverage)).Append("</td></tr>");
        }
        html.Append("</table>");
    }

    private static string Percent(double share) => (share * 100).ToString("F1", CultureInfo.InvariantCulture) + " %";

    private static string Row(string label, string value, bool encoded = false) =>
        $"<tr><th>{(encoded ? label : HtmlEncode(label))}</th><td>{HtmlEncode(value)}</td></tr>";

    private static void Section(StringBuilder html, string title, params string[] rows) =>
        html.Append("<h2>").Append(HtmlEncode(title)).Append("</h2><table>").AppendJoin("", rows).Append("</table>");
}
