using AmpaCds.Reporting.Localization;

namespace AmpaCds.Reporting.Pdf;

/// <summary>Every version of this study's report, so a reader holding a printed copy can tell whether it is current.</summary>
internal static class VersionsPdfSection
{
    public static void Draw(PdfCanvas canvas, ReportPdfContent content)
    {
        var language = content.Language;
        canvas.Heading(content.Text("report.versions.title"));
        if (content.Record.Versions.Count == 0)
        {
            canvas.Paragraph(content.Text("report.versions.none"), PdfFonts.Regular(PdfStyle.Body));
            return;
        }
        PdfTable.Draw(canvas,
        [
            new(content.Text("report.versions.col.version"), 0.9, AlignRight: true),
            new(content.Text("report.versions.col.created"), 2),
            new(content.Text("report.versions.col.model"), 2.6),
            new(content.Text("report.versions.col.series"), 1.1, AlignRight: true),
            new(content.Text("report.versions.col.change"), 3.4),
        ], content.Record.Versions.Select(version => (IReadOnlyList<string>)
        [
            UiNumbers.Integer(version.Version, language),
            UiNumbers.Moment(version.CreatedAt),
            version.ModelVersion,
            UiNumbers.Integer(version.SeriesVersion, language),
            version.ChangeSummary,
        ]));
    }
}
