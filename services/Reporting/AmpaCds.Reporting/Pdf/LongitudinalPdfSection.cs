using AmpaCds.Reporting.Figures;
using AmpaCds.Reporting.Localization;

namespace AmpaCds.Reporting.Pdf;

/// <summary>Change against the baseline study, only when there is one; or why a baseline was found but not compared.</summary>
internal static class LongitudinalPdfSection
{
    public static void Draw(PdfCanvas canvas, ReportPdfContent content)
    {
        if (content.Uptake.Longitudinal is not { } change)
        {
            if (content.Uptake.LongitudinalNotCompared is { Length: > 0 } why)
            {
                canvas.Heading(content.Text("report.longitudinal.title"));
                canvas.Paragraph(content.Format("report.longitudinal.not-compared", why), PdfFonts.Regular(PdfStyle.Body), PdfStyle.NoteFill);
            }
            return;
        }
        var language = content.Language;
        canvas.Heading(content.Text("report.longitudinal.title"));
        var note = content.Format("report.longitudinal.baseline", change.BaselineStudyInstanceUid) + " " + (change.NormalisationIndex is { } index
            ? content.Format("report.longitudinal.index", UiNumbers.Percent(index, language), change.RegionsMovedTowardNormal,
                change.BaselineAbnormalRegions, UiNumbers.Number(change.AbnormalZThreshold, 1, language))
            : content.Text("report.longitudinal.no-index"));
        canvas.Paragraph(note, PdfFonts.Regular(PdfStyle.Body), PdfStyle.NoteFill);
        PdfTable.Draw(canvas,
        [
            new(content.Text("report.longitudinal.col.region"), 3),
            new(content.Text("report.longitudinal.col.baseline"), 1.7, AlignRight: true),
            new(content.Text("report.longitudinal.col.follow-up"), 1.7, AlignRight: true),
            new(content.Text("report.longitudinal.col.change"), 1.4, AlignRight: true),
            new(content.Text("report.longitudinal.col.change-percent"), 1.4, AlignRight: true),
        ], change.Regions.Select(region => (IReadOnlyList<string>)
        [
            content.Region(region.Name),
            UiNumbers.Number(region.BaselineSuvr, 3, language),
            UiNumbers.Number(region.FollowUpSuvr, 3, language),
            UiNumbers.Signed(region.SuvrChange, 3, language),
            UiNumbers.Signed(region.SuvrChangePercent, 1, language) + " %",
        ]));
        if (content.Figure(ReportFigure.ChangeSlices) is { } figure)
        {
            canvas.Figure(figure, content.Text("report.longitudinal.figure"));
        }
    }
}
