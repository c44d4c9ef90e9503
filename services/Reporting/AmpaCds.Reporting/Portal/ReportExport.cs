using AmpaCds.Reporting.Figures;
using AmpaCds.Reporting.Localization;
using AmpaCds.Reporting.Portal.Components.Report;
using AmpaCds.Reporting.Studies;

namespace AmpaCds.Reporting.Portal;

/// <summary>
/// The report as one self-contained HTML document in the reader's language: the same Razor components as the portal
/// page, the stylesheet inlined and each figure embedded as a data URI, so the file opens anywhere without the portal.
/// </summary>
public sealed class ReportExport(PortalRenderer renderer, IReportFigures figures, TimeProvider clock)
{
    public async Task<string> RenderHtmlAsync(StudyRecord study, UiLanguage language, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(study);
        var embedded = new Dictionary<ReportFigure, string>();
        foreach (var figure in Enum.GetValues<ReportFigure>())
        {
            if (await figures.GetPngAsync(study, figure, language, cancellationToken) is { } png)
            {
                embedded[figure] = "data:image/png;base64," + Convert.ToBase64String(png);
            }
        }
        return await renderer.RenderAsync<StandaloneReport>(new Dictionary<string, object?>
        {
            [nameof(StandaloneReport.Study)] = study,
            [nameof(StandaloneReport.Format)] = new ReaderFormat(language),
            [nameof(StandaloneReport.Figures)] = (Func<ReportFigure, string?>)(figure => embedded.GetValueOrDefault(figure)),
            [nameof(StandaloneReport.Styles)] = PortalAssets.Styles,
            [nameof(StandaloneReport.GeneratedAt)] = clock.GetUtcNow(),
        });
    }
}
