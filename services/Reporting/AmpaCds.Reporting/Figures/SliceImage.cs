using AmpaCds.Imaging.Atlas;
using AmpaCds.Imaging.Geometry;
using SkiaSharp;

namespace AmpaCds.Reporting.Figures;

/// <summary>The pixels of one slice view: map colours, the background outside the brain or scan, and atlas outlines.</summary>
public static class SliceImage
{
    public static SKBitmap Render(SlicePlane plane, Volume values, ColourMap colours, BrainAtlas atlas, bool maskOutsideBrain, OutlineMode outlines)
    {
        ArgumentNullException.ThrowIfNull(plane);
        ArgumentNullException.ThrowIfNull(values);
        ArgumentNullException.ThrowIfNull(colours);
        ArgumentNullException.ThrowIfNull(atlas);
        var width = plane.Width;
        var height = plane.Height;
        var labels = new int[width * height];
        var pixels = new SKColor[width * height];
        for (var row = 0; row < height; row++)
        {
            for (var column = 0; column < width; column++)
            {
                var world = plane.WorldAt(column, row);
                var atlasIndex = VoxelLookup.IndexAt(atlas.Geometry, world);
                var label = atlasIndex < 0 ? 0 : atlas.Labels[atlasIndex];
                labels[row * width + column] = outlines == OutlineMode.TemplateBrain ? Math.Min(label, 1) : label;
                pixels[row * width + column] = maskOutsideBrain && label == 0
                    ? FigureStyle.Background
                    : colours.Map(VoxelLookup.ValueAt(values, world));
            }
        }

        DrawBoundaries(pixels, labels, width, height, outlines);
        var bitmap = new SKBitmap(new SKImageInfo(width, height, SKColorType.Rgba8888, SKAlphaType.Opaque));
        bitmap.Pixels = pixels;
        return bitmap;
    }

    /// <summary>A pixel is on a boundary when its right or lower neighbour has another label; both sides for the brain outline.</summary>
    private static void DrawBoundaries(SKColor[] pixels, int[] labels, int width, int height, OutlineMode outlines)
    {
        var colour = outlines == OutlineMode.TemplateBrain ? FigureStyle.TemplateOutline : FigureStyle.RegionOutline;
        var boundary = new bool[pixels.Length];
        for (var row = 0; row < height; row++)
        {
            for (var column = 0; column < width; column++)
            {
                var here = row * width + column;
                Mark(here, column + 1 < width ? here + 1 : -1);
                Mark(here, row + 1 < height ? here + width : -1);
            }
        }

        for (var index = 0; index < pixels.Length; index++)
        {
            if (boundary[index])
            {
                pixels[index] = ColourMap.Mix(pixels[index], colour.WithAlpha(255), colour.Alpha / 255.0);
            }
        }

        void Mark(int here, int neighbour)
        {
            if (neighbour < 0 || labels[here] == labels[neighbour])
            {
                return;
            }

            boundary[here] = true;
            if (outlines == OutlineMode.TemplateBrain)
            {
                boundary[neighbour] = true;
            }
        }
    }
}
