using AmpaCds.Reporting.Figures;
using AmpaCds.Reporting.Localization;
using AmpaCds.Reporting.Quality;
using AmpaCds.Reporting.Studies;
using AmpaCds.Reporting.Studies.Stored;

namespace AmpaCds.Reporting.Pdf;

/// <summary>What the sections draw from: the study, its results, the reader's language and the figures fetched beforehand.</summary>
internal sealed record ReportPdfContent(
    StudyRecord Record,
    StoredUptake Uptake,
    StoredForecast Forecast,
    InputQuality Quality,
    UiLanguage Language,
    IReadOnlyDictionary<ReportFigure, byte[]> Figures)
{
    public string Text(string key) => UiText.Get(key, Language);

    public string Format(string key, params object?[] arguments) => UiText.Format(key, Language, arguments);

    public string Region(string name) => UiText.Region(name, Language);

    public byte[]? Figure(ReportFigure figure) => Figures.GetValueOrDefault(figure);
}
