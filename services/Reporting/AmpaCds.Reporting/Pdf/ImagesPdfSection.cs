using AmpaCds.Reporting.Figures;

namespace AmpaCds.Reporting.Pdf;

/// <summary>The slice figures; the section is left out when none of them could be rendered.</summary>
internal static class ImagesPdfSection
{
    private static readonly (ReportFigure Figure, string CaptionKey)[] Slices =
    [
        (ReportFigure.SuvrSlices, "report.images.suvr"),
        (ReportFigure.ZSlices, "report.images.z"),
        (ReportFigure.ZOverview, "report.images.z-overview"),
    ];

    public static void Draw(PdfCanvas canvas, ReportPdfContent content)
    {
        var present = Slices.Where(slice => content.Figure(slice.Figure) is not null).ToList();
        if (present.Count == 0)
        {
            return;
        }
        canvas.Heading(content.Text("report.images.title"));
        foreach (var (figure, captionKey) in present)
        {
            canvas.Figure(content.Figure(figure)!, content.Text(captionKey));
        }
    }
}
