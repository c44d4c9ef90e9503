using AmpaCds.Reporting.Figures;
using AmpaCds.Reporting.Localization;
using AmpaCds.Reporting.Studies;
using SkiaSharp;

namespace AmpaCds.Reporting.Tests.PacsExport;

/// <summary>Figures drawn with the product's own Png.Draw: a white frame with a block of the figure's colour at the
/// top left; figures listed as missing return null.</summary>
public sealed class DrawnFigures(params ReportFigure[] missing) : IReportFigures
{
    public const int Width = 64;
    public const int Height = 48;

    public static SKColor Colour(ReportFigure figure) => new((byte)(20 + 30 * (int)figure), 90, (byte)(200 - 25 * (int)figure));

    public static byte[] Draw(ReportFigure figure) => Png.Draw(Width, Height, SKColors.White, canvas =>
    {
        using var paint = new SKPaint { Color = Colour(figure), IsAntialias = false };
        canvas.DrawRect(SKRect.Create(0, 0, 16, 16), paint);
    });

    public Task<byte[]?> GetPngAsync(StudyRecord study, ReportFigure figure, UiLanguage language, CancellationToken cancellationToken) =>
        Task.FromResult(missing.Contains(figure) ? null : Draw(figure));
}
