using SkiaSharp;

namespace AmpaCds.Reporting.Figures;

/// <summary>Small filled shapes of the charts (markers, arrowheads).</summary>
public static class FigureShapes
{
    public static void FillPolygon(SKCanvas canvas, SKColor colour, params SKPoint[] corners)
    {
        ArgumentNullException.ThrowIfNull(canvas);
        using var builder = new SKPathBuilder();
        builder.AddPoly(corners, true);
        using var path = builder.Detach();
        using var fill = new SKPaint { Color = colour, IsAntialias = true };
        canvas.DrawPath(path, fill);
    }
}
