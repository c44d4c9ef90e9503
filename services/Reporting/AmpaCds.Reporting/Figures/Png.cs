using SkiaSharp;

namespace AmpaCds.Reporting.Figures;

/// <summary>Draws on a fresh surface and encodes the result as PNG bytes.</summary>
public static class Png
{
    public static byte[] Draw(int width, int height, SKColor background, Action<SKCanvas> draw)
    {
        ArgumentNullException.ThrowIfNull(draw);
        using var surface = SKSurface.Create(new SKImageInfo(width, height, SKColorType.Rgba8888, SKAlphaType.Premul))
            ?? throw new InvalidOperationException($"Skia could not create a {width} x {height} surface.");
        surface.Canvas.Clear(background);
        draw(surface.Canvas);
        surface.Canvas.Flush();
        using var image = surface.Snapshot();
        using var data = image.Encode(SKEncodedImageFormat.Png, 100);
        return data.ToArray();
    }
}
