using AmpaCds.Reporting.Localization;
using AmpaCds.Reporting.Studies;

namespace AmpaCds.Reporting.Figures;

/// <summary>
/// The report's figures as PNG bytes, rendered once per (study, report version, figure, language) and kept in the
/// gateway's blob store. Null when the figure does not apply (no z-map, no baseline, no forecast) or its source maps
/// are not available.
/// </summary>
public interface IReportFigures
{
    Task<byte[]?> GetPngAsync(StudyRecord study, ReportFigure figure, UiLanguage language, CancellationToken cancellationToken);
}
