using AmpaCds.Reporting.Figures;
using AmpaCds.Reporting.Localization;
using AmpaCds.Reporting.Quality;
using AmpaCds.Reporting.Rendering;
using AmpaCds.Reporting.Studies;
using PdfSharp.Drawing;
using PdfSharp.Pdf;

namespace AmpaCds.Reporting.Pdf;

/// <summary>
/// The per-patient report as an A4 PDF in the reader's language, with IPAGothic embedded as a subset so it prints the
/// same anywhere. Sections in a fixed order: patient, intended use, (unreliable-input banner), forecast, quality,
/// regions, images, change since baseline, versions. Every page carries the product, the study date, "research use
/// only" and page n of m.
/// </summary>
public static class ReportPdfWriter
{
    private static readonly ReportFigure[] AllFigures = Enum.GetValues<ReportFigure>();

    public static async Task<byte[]> RenderAsync(StudyRecord record, UiLanguage language, IReportFigures figures, DateTimeOffset generatedAt,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(record);
        ArgumentNullException.ThrowIfNull(figures);
        var uptake = record.Uptake ?? throw new InvalidOperationException("the PDF report needs regional uptake");
        var forecast = record.Forecast ?? throw new InvalidOperationException("the PDF report needs a forecast");
        var quality = InputQuality.Of(uptake);
        var images = new Dictionary<ReportFigure, byte[]>();
        foreach (var figure in AllFigures)
        {
            // A withheld forecast's interval figure would show the numbers the text withholds: it is not even fetched.
            if (figure == ReportFigure.ForecastInterval && quality.WithholdForecast)
            {
                continue;
            }
            if (await figures.GetPngAsync(record, figure, language, cancellationToken) is { Length: > 0 } png)
            {
                images[figure] = png;
            }
        }
        return Render(new ReportPdfContent(record, uptake, forecast, quality, language, images), generatedAt);
    }

    private static byte[] Render(ReportPdfContent content, DateTimeOffset generatedAt)
    {
        PdfFonts.EnsureResolver();
        using var canvas = new PdfCanvas(content.Text("report.title"));
        canvas.Paragraph(content.Text("report.title"), PdfFonts.Bold(15));
        PatientPdfSection.Draw(canvas, content);
        canvas.Heading(content.Text("report.intended-use.title"));
        canvas.Paragraph(content.Text("common.intended-use"), PdfFonts.Regular(PdfStyle.Body), PdfStyle.WarningFill, PdfStyle.WarningBorder);
        if (content.Quality.WithholdForecast)
        {
            canvas.Paragraph(content.Text("quality.banner"), PdfFonts.Bold(11), PdfStyle.BannerFill, PdfStyle.BannerBorder);
        }
        ForecastPdfSection.Draw(canvas, content);
        QualityPdfSection.Draw(canvas, content);
        RegionsPdfSection.Draw(canvas, content);
        ImagesPdfSection.Draw(canvas, content);
        LongitudinalPdfSection.Draw(canvas, content);
        VersionsPdfSection.Draw(canvas, content);
        canvas.Paragraph(content.Format("report.generated", UiNumbers.Moment(generatedAt)), PdfFonts.Regular(PdfStyle.Small));
        var studyDate = DisplayFormats.Date(content.Record.Patient?.StudyDate);
        return canvas.Finish((graphics, page, number, count) => DrawPageFrame(graphics, page, content, studyDate, number, count));
    }

    private static void DrawPageFrame(XGraphics graphics, PdfPage page, ReportPdfContent content, string studyDate, int number, int count)
    {
        var font = PdfFonts.Regular(PdfStyle.Small);
        var width = page.Width.Point - 2 * PdfCanvas.Margin;
        var left = PdfCanvas.Margin;
        var headerY = 30.0;
        var footerY = page.Height.Point - 40;
        var pen = new XPen(XColors.Gray, 0.5);
        graphics.DrawString(content.Format("report.page.header", UiText.Get("common.product", content.Language), studyDate), font, XBrushes.Black,
            new XRect(left, headerY, width, 12), XStringFormats.TopLeft);
        graphics.DrawString(content.Text("report.page.research-use"), PdfFonts.Bold(PdfStyle.Small), XBrushes.DarkRed,
            new XRect(left, headerY, width, 12), XStringFormats.TopRight);
        graphics.DrawLine(pen, left, headerY + 14, left + width, headerY + 14);
        graphics.DrawLine(pen, left, footerY - 4, left + width, footerY - 4);
        graphics.DrawString(content.Text("report.page.research-use"), font, XBrushes.DarkRed, new XRect(left, footerY, width, 12), XStringFormats.TopLeft);
        graphics.DrawString(content.Format("report.page.number", number, count), font, XBrushes.Black,
            new XRect(left, footerY, width, 12), XStringFormats.TopRight);
    }
}
