using SkiaSharp;

namespace AmpaCds.Reporting.Figures;

/// <summary>Text drawing with one paint per call, so callers never share mutable paint state.</summary>
public static class FigureText
{
    public static void Draw(SKCanvas canvas, string text, float x, float baseline, SKTextAlign align, SKFont font, SKColor colour)
    {
        ArgumentNullException.ThrowIfNull(canvas);
        using var paint = new SKPaint { Color = colour, IsAntialias = true };
        canvas.DrawText(text, x, baseline, align, font, paint);
    }
}
