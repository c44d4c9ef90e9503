using AmpaCds.Reporting.Figures;
using AmpaCds.Reporting.Localization;
using AmpaCds.Reporting.Quality;

namespace AmpaCds.Reporting.Pdf;

/// <summary>The input checks that decide whether the forecast is shown, the registration figures, and the overlay to judge by eye.</summary>
internal static class QualityPdfSection
{
    public static void Draw(PdfCanvas canvas, ReportPdfContent content)
    {
        var language = content.Language;
        var uptake = content.Uptake;
        var registration = uptake.Registration;
        canvas.Heading(content.Text("quality.title"));
        PdfTable.Draw(canvas,
        [
            new(content.Text("report.quality.col.check"), 3),
            new(content.Text("report.quality.col.result"), 1.3),
            new(content.Text("report.quality.col.detail"), 5),
        ], content.Quality.Checks.Select(check => (IReadOnlyList<string>)
        [
            QualityText.Title(check, language),
            content.Text(check.Passed ? "quality.passed" : "quality.failed"),
            QualityText.Detail(check, language),
        ]));
        var notMeasured = content.Text("common.not-measured");
        PdfTable.Facts(canvas,
        [
            (content.Text("quality.similarity"), UiNumbers.Number(registration.Similarity, 3, language)),
            (content.Text("quality.scales"), registration is { ScaleX: { } x, ScaleY: { } y, ScaleZ: { } z }
                ? string.Join(", ", new[] { x, y, z }.Select(scale => UiNumbers.Number(scale, 3, language)))
                : notMeasured),
            (content.Text("report.quality.registration-detail"), registration.Detail),
            (content.Text("quality.atlas"), uptake.AtlasVersion),
            (content.Text("report.quality.reference-region"), content.Region(uptake.ReferenceRegion)),
            (content.Text("report.quality.reference-suv"), UiNumbers.Number(uptake.ReferenceSuvMean, 3, language)),
            (content.Text("pvc.label"), PartialVolumeText.Describe(uptake.PartialVolume, language)),
        ]);
        if (content.Figure(ReportFigure.RegistrationOverlay) is { } overlay)
        {
            canvas.Figure(overlay, content.Text("quality.overlay"));
        }
    }
}
