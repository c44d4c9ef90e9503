using AmpaCds.Reporting.Studies;

namespace AmpaCds.Reporting.Figures;

/// <summary>Whether a figure applies to a study at all, decided from the stored results so pages never link a figure that cannot exist.</summary>
public static class FigureAvailability
{
    public static bool Applies(StudyRecord study, ReportFigure figure)
    {
        ArgumentNullException.ThrowIfNull(study);
        var uptake = study.Uptake;
        var hasZ = uptake?.Regions.Any(region => region.ZScore is not null) == true;
        // Records stored before the maps were recorded say nothing of them: those figures are tried and may be absent.
        bool Map(ParametricMap map) => uptake is not null && (uptake.Maps?.Has(map) ?? true);
        return figure switch
        {
            ReportFigure.ForecastInterval => study.Forecast is not null && uptake is not null && !Quality.InputQuality.Of(uptake).WithholdForecast,
            ReportFigure.ZScoreChart => hasZ,
            ReportFigure.ZSlices or ReportFigure.ZOverview => hasZ && Map(ParametricMap.Z),
            ReportFigure.ChangeSlices => uptake?.Longitudinal is not null && Map(ParametricMap.Change),
            ReportFigure.SuvrSlices or ReportFigure.RegistrationOverlay => Map(ParametricMap.Suvr),
            _ => false,
        };
    }
}
