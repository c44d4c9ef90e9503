using AmpaCds.Reporting.Figures;
using AmpaCds.Reporting.Localization;
using AmpaCds.Reporting.Studies;

namespace AmpaCds.Reporting.Tests.Pdf;

/// <summary>Stands in for the SkiaSharp figures: each figure is a solid PNG of its own colour; figures listed as missing return null.</summary>
public sealed class ColouredFigures(params ReportFigure[] missing) : IReportFigures
{
    public static readonly IReadOnlyDictionary<ReportFigure, (byte R, byte G, byte B)> Colours = new Dictionary<ReportFigure, (byte, byte, byte)>
    {
        [ReportFigure.SuvrSlices] = (220, 30, 30),
        [ReportFigure.ZSlices] = (30, 200, 30),
        [ReportFigure.ZOverview] = (30, 30, 220),
        [ReportFigure.RegistrationOverlay] = (230, 200, 0),
        [ReportFigure.ChangeSlices] = (200, 0, 200),
        [ReportFigure.ZScoreChart] = (0, 200, 200),
        [ReportFigure.ForecastInterval] = (240, 120, 0),
    };

    public List<ReportFigure> Requested { get; } = [];

    public Task<byte[]?> GetPngAsync(StudyRecord study, ReportFigure figure, UiLanguage language, CancellationToken cancellationToken)
    {
        lock (Requested)
        {
            Requested.Add(figure);
        }
        return Task.FromResult(missing.Contains(figure) ? null : TestPng.Solid(300, 120, Colours[figure]));
    }
}
