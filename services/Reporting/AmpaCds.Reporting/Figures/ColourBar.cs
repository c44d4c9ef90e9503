using System.Globalization;
using AmpaCds.Reporting.Localization;
using SkiaSharp;

namespace AmpaCds.Reporting.Figures;

/// <summary>A vertical colour bar with the unit above it and its minimum, maximum (and zero for diverging maps) beside it.</summary>
public static class ColourBar
{
    public const int BarWidth = 16;

    public static void Draw(SKCanvas canvas, ColourMap colours, SKRectI bar, UiLanguage language, SKColor textColour)
    {
        ArgumentNullException.ThrowIfNull(canvas);
        ArgumentNullException.ThrowIfNull(colours);
        using var paint = new SKPaint { IsAntialias = false };
        for (var y = bar.Top; y < bar.Bottom; y++)
        {
            // Top row is the maximum.
            paint.Color = colours.AtFraction(1 - (y - bar.Top + 0.5) / bar.Height);
            canvas.DrawRect(new SKRect(bar.Left, y, bar.Right, y + 1), paint);
        }

        using var frame = new SKPaint { Color = textColour, IsStroke = true, StrokeWidth = 1, IsAntialias = false };
        canvas.DrawRect(new SKRect(bar.Left - 0.5f, bar.Top - 0.5f, bar.Right + 0.5f, bar.Bottom + 0.5f), frame);

        using var font = FigureFonts.Font(language, FigureStyle.LabelSize);
        using var small = FigureFonts.Font(language, FigureStyle.SmallSize);
        FigureText.Draw(canvas, UiText.Get(colours.UnitKey, language), bar.MidX, bar.Top - 8, SKTextAlign.Center, font, textColour);
        var labelX = bar.Right + 6;
        FigureText.Draw(canvas, Label(colours, colours.Maximum), labelX, bar.Top + 9, SKTextAlign.Left, small, textColour);
        FigureText.Draw(canvas, Label(colours, colours.Minimum), labelX, bar.Bottom, SKTextAlign.Left, small, textColour);
        if (colours.Diverging)
        {
            FigureText.Draw(canvas, "0", labelX, bar.MidY + 4, SKTextAlign.Left, small, textColour);
        }
    }

    private static string Label(ColourMap colours, double value) => value.ToString(colours.LabelFormat, CultureInfo.InvariantCulture);
}
