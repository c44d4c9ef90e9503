using AmpaCds.Reporting.Figures;
using AmpaCds.Reporting.Localization;
using AmpaCds.Reporting.Studies.Stored;

namespace AmpaCds.Reporting.Pdf;

/// <summary>
/// The forecast with its uncertainty, what drove it and what the model is. When the input failed a quality check it
/// prints no number at all: a withheld forecast must not be readable from the PDF either.
/// </summary>
internal static class ForecastPdfSection
{
    public static void Draw(PdfCanvas canvas, ReportPdfContent content)
    {
        canvas.Heading(content.Text("report.forecast.title"));
        if (content.Quality.WithholdForecast)
        {
            canvas.Paragraph(content.Text("report.forecast.withheld"), PdfFonts.Regular(PdfStyle.Body));
            return;
        }
        var forecast = content.Forecast;
        var language = content.Language;
        if (forecast.ModelTrainedOnSyntheticData)
        {
            canvas.Paragraph(content.Text("common.synthetic-model"), PdfFonts.Bold(PdfStyle.Body), PdfStyle.WarningFill, PdfStyle.WarningBorder);
        }
        PdfTable.Facts(canvas,
        [
            (content.Text("report.forecast.probability"),
                WithInterval(content, UiNumbers.Percent(forecast.ResponseProbability, language), forecast.ResponseProbabilityInterval90,
                    value => UiNumbers.Percent(value, language))),
            (content.Text("report.forecast.madrs"),
                WithInterval(content, Madrs(forecast.ExpectedMadrsChangePercent, language), forecast.ExpectedMadrsChangeInterval90,
                    value => Madrs(value, language))),
            (content.Text("report.forecast.calibration"), forecast.CalibrationMethod ?? content.Text("report.forecast.calibration.none")),
            (content.Text("report.forecast.model-version"), forecast.ModelVersion),
            (content.Text("report.forecast.model-card"), forecast.ModelCardSummary ?? content.Text("report.forecast.not-given")),
        ]);
        if (content.Figure(ReportFigure.ForecastInterval) is { } figure)
        {
            canvas.Figure(figure, content.Text("report.forecast.figure"));
        }
        if (forecast.TopContributions is { Count: > 0 } contributions)
        {
            canvas.Heading(content.Text("report.contributions.title"), 11);
            PdfTable.Draw(canvas,
            [
                new(content.Text("report.contributions.col.region"), 3),
                new(content.Text("report.contributions.col.deviation"), 2.2, AlignRight: true),
                new(content.Text("report.contributions.col.effect"), 2.2, AlignRight: true),
                new(content.Text("report.contributions.col.direction"), 2),
            ], contributions.Select(contribution => (IReadOnlyList<string>)
            [
                content.Region(RegionOf(contribution.Feature)),
                UiNumbers.Signed(contribution.StandardisedDeviation, 2, language),
                UiNumbers.Signed(contribution.LogitContribution, 2, language),
                content.Text(contribution.LogitContribution >= 0 ? "report.contributions.toward" : "report.contributions.away"),
            ]));
        }
    }

    /// <summary>Model features are named after the region they read ("suvr_lateral_habenula").</summary>
    private static string RegionOf(string feature) => feature.StartsWith("suvr_", StringComparison.Ordinal) ? feature[5..] : feature;

    private static string Madrs(double percent, UiLanguage language) => UiNumbers.Number(percent, 1, language) + " %";

    private static string WithInterval(ReportPdfContent content, string value, StoredInterval? interval, Func<double, string> format) =>
        interval is null ? value : content.Format("report.forecast.interval", value, format(interval.Lower), format(interval.Upper));
}
