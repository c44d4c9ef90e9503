using AmpaCds.Reporting.Figures;
using AmpaCds.Reporting.Localization;
using AmpaCds.Reporting.Portal;
using AmpaCds.Reporting.Portal.Components.Report;
using AmpaCds.Reporting.Studies;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace AmpaCds.Reporting.Tests.Portal;

/// <summary>Renders the Razor report as the HTML export does, with figure URLs standing in for the images.</summary>
public static class ReportRendering
{
    public static async Task<string> RenderAsync(StudyRecord study, UiLanguage language)
    {
        var services = new ServiceCollection().AddLogging().BuildServiceProvider();
        await using var _ = services;
        var renderer = new PortalRenderer(services, services.GetRequiredService<ILoggerFactory>());
        var html = await renderer.RenderAsync<StandaloneReport>(new Dictionary<string, object?>
        {
            [nameof(StandaloneReport.Study)] = study,
            [nameof(StandaloneReport.Format)] = new ReaderFormat(language),
            [nameof(StandaloneReport.Figures)] = (Func<ReportFigure, string?>)(figure => FigureAvailability.Applies(study, figure) ? $"fig/{figure}.png" : null),
            [nameof(StandaloneReport.Styles)] = "",
            [nameof(StandaloneReport.GeneratedAt)] = DateTimeOffset.UnixEpoch,
        });
        return html;
    }
}
