using SkiaSharp;

namespace AmpaCds.Reporting.PacsExport;

/// <summary>A figure PNG decoded to interleaved 8-bit RGB (R1 G1 B1 R2 ...), the pixel data of an RGB Secondary Capture
/// with Planar Configuration 0.</summary>
internal sealed record RgbPixels(int Width, int Height, byte[] Rgb)
{
    public static RgbPixels FromPng(byte[] png)
    {
        ArgumentNullException.ThrowIfNull(png);
        using var image = SKImage.FromEncodedData(png) ?? throw new ArgumentException("Not a PNG image SkiaSharp can decode.", nameof(png));
        if (image.Width > ushort.MaxValue || image.Height > ushort.MaxValue)
            throw new ArgumentException($"A {image.Width} x {image.Height} image does not fit DICOM Rows and Columns.", nameof(png));
        // Drawn over black, not read as is: DICOM RGB has no alpha, and a transparent pixel must look as it does over
        // a dark viewer background rather than keep whatever colour its transparent RGB happens to hold.
        var info = new SKImageInfo(image.Width, image.Height, SKColorType.Rgba8888, SKAlphaType.Premul);
        using var bitmap = new SKBitmap(info);
        using (var canvas = new SKCanvas(bitmap))
        {
            canvas.Clear(SKColors.Black);
            // Same size, no scaling: nearest sampling copies each pixel as it is.
            canvas.DrawImage(image, 0, 0, new SKSamplingOptions(SKFilterMode.Nearest));
        }
        var rgba = bitmap.GetPixelSpan();
        var rgb = new byte[image.Width * image.Height * 3];
        var target = 0;
        for (var y = 0; y < image.Height; y++)
        {
            var row = rgba.Slice(y * bitmap.RowBytes, image.Width * 4);
            for (var x = 0; x < row.Length; x += 4)
            {
                // Premultiplied over opaque black: the stored channels are already the composited colour.
                rgb[target++] = row[x];
                rgb[target++] = row[x + 1];
                rgb[target++] = row[x + 2];
            }
        }
        return new RgbPixels(image.Width, image.Height, rgb);
    }
}
