using AmpaCds.Reporting.Figures;
using AmpaCds.Reporting.Localization;

namespace AmpaCds.Reporting.Pdf;

/// <summary>The regional table (SUV, SUVR, z, coverage) against the normative database, with the z-score chart.</summary>
internal static class RegionsPdfSection
{
    public static void Draw(PdfCanvas canvas, ReportPdfContent content)
    {
        var language = content.Language;
        var uptake = content.Uptake;
        canvas.Heading(content.Text("report.regions.title"));
        if (uptake.NormativeDatabase is { } database)
        {
            var note = content.Format(database.AgeAdjusted ? "report.regions.normative.age-adjusted" : "report.regions.normative",
                database.Version, database.Controls);
            if (database.ZScoreIncompatibility is { Length: > 0 } why)
            {
                note += " " + content.Format("report.regions.no-z", why);
            }
            canvas.Paragraph(note, PdfFonts.Regular(PdfStyle.Body), PdfStyle.NoteFill);
            if (database.Synthetic)
            {
                canvas.Paragraph(content.Text("common.synthetic-normals"), PdfFonts.Bold(PdfStyle.Body), PdfStyle.WarningFill, PdfStyle.WarningBorder);
            }
        }
        var none = content.Text("report.regions.no-value");
        PdfTable.Draw(canvas,
        [
            new(content.Text("report.regions.col.region"), 3.2),
            new(content.Text("report.regions.col.suv"), 1.8, AlignRight: true),
            new(content.Text("report.regions.col.suvr"), 1.3, AlignRight: true),
            new(content.Text("report.regions.col.z"), 1.3, AlignRight: true),
            new(content.Text("report.regions.col.voxels"), 1.4, AlignRight: true),
            new(content.Text("report.regions.col.coverage"), 1.4, AlignRight: true),
        ], uptake.Regions.Select(region => (IReadOnlyList<string>)
        [
            content.Region(region.Name),
            UiNumbers.Number(region.SuvMean, 3, language),
            UiNumbers.Number(region.Suvr, 3, language),
            region.ZScore is { } z ? UiNumbers.Signed(z, 2, language) : none,
            UiNumbers.Integer(region.Voxels, language),
            UiNumbers.Percent(region.Coverage, language),
        ]));
        if (content.Figure(ReportFigure.ZScoreChart) is { } chart)
        {
            canvas.Figure(chart, content.Text("report.regions.chart"));
        }
    }
}
