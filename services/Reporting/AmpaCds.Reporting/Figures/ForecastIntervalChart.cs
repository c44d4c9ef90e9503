using System.Globalization;
using AmpaCds.Reporting.Localization;
using AmpaCds.Reporting.Studies.Stored;
using SkiaSharp;

namespace AmpaCds.Reporting.Figures;

/// <summary>
/// The forecast probability of response on a 0–100 % scale: the 90 % interval as a bar, the point forecast as a black
/// marker across it, and the numbers written above so the figure stands alone in a printout.
/// </summary>
public static class ForecastIntervalChart
{
    public const int Width = 760;
    public const int Height = 136;
    public const float ScaleLeft = 40;
    public const float ScaleRight = 720;
    public const float BarTop = 46;
    public const float BarBottom = 72;
    public const float AxisY = 86;

    public static float XFor(double probability) => ScaleLeft + (float)Math.Clamp(probability, 0, 1) * (ScaleRight - ScaleLeft);

    public static byte[] Render(StoredForecast forecast, UiLanguage language)
    {
        ArgumentNullException.ThrowIfNull(forecast);
        return Png.Draw(Width, Height, FigureStyle.ChartBackground, canvas =>
        {
            using var font = FigureFonts.Font(language, FigureStyle.LabelSize);
            using var small = FigureFonts.Font(language, FigureStyle.SmallSize);
            var percent = forecast.ResponseProbability * 100;
            var heading = FigureText.Format("figure.forecast.value", language, percent);
            if (forecast.ResponseProbabilityInterval90 is { } interval)
            {
                heading += "   " + FigureText.Format("figure.forecast.interval", language, interval.Lower * 100, interval.Upper * 100);
                using var bar = new SKPaint { Color = ChartColours.Interval };
                canvas.DrawRect(new SKRect(XFor(interval.Lower), BarTop, XFor(interval.Upper), BarBottom), bar);
            }

            FigureText.Draw(canvas, heading, ScaleLeft, 24, SKTextAlign.Left, font, FigureStyle.ChartText);
            DrawScale(canvas, small, font, language);
            DrawMarker(canvas, XFor(forecast.ResponseProbability));
        });
    }

    private static void DrawScale(SKCanvas canvas, SKFont small, SKFont font, UiLanguage language)
    {
        using var axis = new SKPaint { Color = ChartColours.Axis, StrokeWidth = 1 };
        canvas.DrawLine(ScaleLeft, AxisY + 0.5f, ScaleRight, AxisY + 0.5f, axis);
        for (var tick = 0; tick <= 100; tick += 10)
        {
            var x = (float)Math.Round(XFor(tick / 100.0)) + 0.5f;
            canvas.DrawLine(x, AxisY, x, AxisY + 5, axis);
            FigureText.Draw(canvas, tick.ToString(CultureInfo.InvariantCulture), x, AxisY + 18, SKTextAlign.Center, small, FigureStyle.ChartText);
        }

        FigureText.Draw(canvas, UiText.Get("figure.forecast.axis", language), (ScaleLeft + ScaleRight) / 2, AxisY + 40, SKTextAlign.Center, font,
            FigureStyle.ChartText);
    }

    private static void DrawMarker(SKCanvas canvas, float x)
    {
        using var line = new SKPaint { Color = ChartColours.Marker, StrokeWidth = 3, IsAntialias = true };
        canvas.DrawLine(x, BarTop - 8, x, BarBottom + 8, line);
        FigureShapes.FillPolygon(canvas, ChartColours.Marker,
            new SKPoint(x, BarTop - 14), new SKPoint(x + 6, BarTop - 8), new SKPoint(x, BarTop - 2), new SKPoint(x - 6, BarTop - 8));
    }
}
