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
    /// <summary>Any portal component, rendered as the portal's renderer does.</summary>
    public static async Task<string> ComponentAsync<TComponent>(Dictionary<string, object?> parameters) where TComponent : Microsoft.AspNetCore.Components.IComponent
    {
        var services = new ServiceCollection().AddLogging().BuildServiceProvider();
        await using var _ = services;
        var renderer = new PortalRenderer(services, services.GetRequiredService<ILoggerFactory>());
        return await renderer.RenderAsync<TComponent>(parameters);
    }

    public static async Task<string> RenderAsync(StudyRecord study, UiLanguage language)
    {
        var html = await ComponentAsync<StandaloneReport>(new Dictionary<string, object?>
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
