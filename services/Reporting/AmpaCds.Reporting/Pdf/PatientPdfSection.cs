using AmpaCds.Reporting.Rendering;
using AmpaCds.Reporting.Studies;

namespace AmpaCds.Reporting.Pdf;

/// <summary>Who and which study. The name is printed exactly as the DICOM header holds it (all component groups), so it can be checked against the PACS.</summary>
internal static class PatientPdfSection
{
    public static void Draw(PdfCanvas canvas, ReportPdfContent content)
    {
        var unknown = content.Text("report.patient.unknown");
        var patient = content.Record.Patient ?? new PatientHeader(unknown, unknown, "", "");
        canvas.Heading(content.Text("report.patient.title"));
        PdfTable.Facts(canvas,
        [
            (content.Text("report.patient.name"), Or(patient.PatientName, unknown)),
            (content.Text("report.patient.id"), Or(patient.PatientId, unknown)),
            (content.Text("report.patient.study-date"), Or(DisplayFormats.Date(patient.StudyDate), unknown)),
            (content.Text("report.patient.referring-physician"), Or(patient.ReferringPhysicianName, unknown)),
            (content.Text("report.patient.study-description"), patient.StudyDescription),
            (content.Text("report.patient.study-uid"), content.Record.StudyInstanceUid),
            (content.Text("report.patient.series-uid"), content.Record.SeriesInstanceUid),
        ]);
    }

    private static string Or(string? value, string fallback) => string.IsNullOrWhiteSpace(value) ? fallback : value;
}
