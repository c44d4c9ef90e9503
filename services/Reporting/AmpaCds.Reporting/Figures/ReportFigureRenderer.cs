using AmpaCds.Reporting.Localization;
using AmpaCds.Reporting.Quality;
using AmpaCds.Reporting.Studies;

namespace AmpaCds.Reporting.Figures;

/// <summary>
/// Renders one figure of a study from its stored results and Quantification's maps; null where the figure does not
/// apply (no normative database, no baseline, no forecast or a withheld one) or its map is not available.
/// </summary>
public sealed class ReportFigureRenderer(IParametricMapSource maps, FigureAtlas atlas)
{
    private static readonly string[] SliceLegend = ["figure.convention", "figure.outlines"];
    private static readonly string[] OverlayLegend = ["figure.convention", "figure.overlay-outline"];

    public async Task<byte[]?> RenderAsync(StudyRecord study, ReportFigure figure, UiLanguage language, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(study);
        var uptake = study.Uptake;
        if (uptake is null)
        {
            // Nothing is measured yet: no map, no z-score, and a forecast cannot be judged without the quality checks.
            return null;
        }

        switch (figure)
        {
            case ReportFigure.ZScoreChart:
                return ZScoreChart.Render(uptake, language);
            case ReportFigure.ForecastInterval:
                return study.Forecast is null || InputQuality.Of(uptake).WithholdForecast ? null : ForecastIntervalChart.Render(study.Forecast, language);
            case ReportFigure.SuvrSlices:
                return await MapFigureAsync(study, ParametricMap.Suvr, cancellationToken) is { } suvr
                    ? SliceFigure.Render(suvr, ColourMaps.Suvr, atlas.Atlas, maskOutsideBrain: true, OutlineMode.Regions, SliceLegend, language)
                    : null;
            case ReportFigure.RegistrationOverlay:
                return await MapFigureAsync(study, ParametricMap.Suvr, cancellationToken) is { } image
                    ? SliceFigure.Render(image, GreyScale.For(image), atlas.Atlas, maskOutsideBrain: false, OutlineMode.TemplateBrain, OverlayLegend, language)
                    : null;
            case ReportFigure.ZSlices or ReportFigure.ZOverview:
                // z-scores from an incompatible database are not shown anywhere, so neither is their map.
                if (uptake.NormativeDatabase is not { ZScoreIncompatibility: null })
                {
                    return null;
                }

                var z = await MapFigureAsync(study, ParametricMap.Z, cancellationToken);
                return z is null ? null
                    : figure == ReportFigure.ZSlices
                        ? SliceFigure.Render(z, ColourMaps.ZScore, atlas.Atlas, maskOutsideBrain: true, OutlineMode.Regions, SliceLegend, language)
                        : ZOverviewFigure.Render(z, atlas.Atlas, language);
            case ReportFigure.ChangeSlices:
                if (uptake.Longitudinal is null)
                {
                    return null;
                }

                return await MapFigureAsync(study, ParametricMap.Change, cancellationToken) is { } change
                    ? SliceFigure.Render(change, ColourMaps.Change, atlas.Atlas, maskOutsideBrain: true, OutlineMode.Regions, SliceLegend, language)
                    : null;
            default:
                throw new ArgumentOutOfRangeException(nameof(figure), figure, "Unknown report figure.");
        }
    }

    private Task<Imaging.Geometry.Volume?> MapFigureAsync(StudyRecord study, ParametricMap map, CancellationToken cancellationToken) =>
        maps.GetAsync(study, map, cancellationToken);
}
