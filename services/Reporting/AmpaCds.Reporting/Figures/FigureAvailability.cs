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
        return figure switch
        {
            ReportFigure.ForecastInterval => study.Forecast is not null,
            ReportFigure.ZScoreChart => hasZ,
            ReportFigure.ZSlices or ReportFigure.ZOverview => hasZ,
            ReportFigure.ChangeSlices => uptake?.Longitudinal is not null,
            ReportFigure.SuvrSlices or ReportFigure.RegistrationOverlay => uptake is not null,
            _ => false,
        };
    }
}
