using System.Globalization;
using AmpaCds.Reporting.Localization;

namespace AmpaCds.Reporting.Figures;

/// <summary>Blob keys of rendered figures: one per study, report version, figure and language (every figure carries text).</summary>
public static class FigureKeys
{
    public static string For(string studyInstanceUid, int reportVersion, ReportFigure figure, UiLanguage language) =>
        string.Create(CultureInfo.InvariantCulture, $"reporting/figures/{studyInstanceUid}/v{reportVersion}/{figure}.{language.Code()}.png");
}
