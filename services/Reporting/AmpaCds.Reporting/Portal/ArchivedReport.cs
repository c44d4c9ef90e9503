using AmpaCds.Reporting.Figures;
using AmpaCds.Reporting.Localization;
using AmpaCds.Reporting.Portal.Components.Report;
using AmpaCds.Reporting.Studies;

namespace AmpaCds.Reporting.Portal;

/// <summary>
/// The HTML kept with each report version when it is published: the same Razor report, in English, without images
/// (they are rendered from Quantification's maps on request, never inside the publishing transaction).
/// </summary>
public sealed class ArchivedReport(PortalRenderer renderer)
{
    public Task<string> RenderAsync(StudyRecord study, DateTimeOffset generatedAt) =>
        renderer.RenderAsync<StandaloneReport>(new Dictionary<string, object?>
        {
            [nameof(StandaloneReport.Study)] = study,
            [nameof(StandaloneReport.Format)] = new ReaderFormat(UiLanguage.English),
            [nameof(StandaloneReport.Figures)] = (Func<ReportFigure, string?>)(_ => null),
            [nameof(StandaloneReport.Styles)] = PortalAssets.Styles,
            [nameof(StandaloneReport.GeneratedAt)] = generatedAt,
        });
}
