using AmpaCds.Imaging.Atlas;
using AmpaCds.Imaging.Geometry;
using AmpaCds.Reporting.Localization;
using SkiaSharp;

namespace AmpaCds.Reporting.Figures;

/// <summary>
/// A montage of axial z-map slices from inferior (first) to superior (last), evenly spread over the template brain's
/// height, each titled with its z position in mm. Radiological convention, as in the other slice figures.
/// </summary>
public static class ZOverviewFigure
{
    public const int Columns = 4;
    public const int Rows = 3;
    public const float PixelsPerMm = 1.0f;
    public const int TileTitle = 20;
    public const int Gap = 8;

    /// <summary>World z (mm) of each slice, inferior first; every one on an atlas voxel plane.</summary>
    public static IReadOnlyList<double> SlicePositions(BrainAtlas atlas)
    {
        ArgumentNullException.ThrowIfNull(atlas);
        var geometry = atlas.Geometry;
        double lowest = double.MaxValue, highest = double.MinValue;
        for (var k = 0; k < geometry.Nz; k++)
        {
            for (var j = 0; j < geometry.Ny; j++)
            {
                for (var i = 0; i < geometry.Nx; i++)
                {
                    if (atlas.Labels[geometry.Index(i, j, k)] > 0)
                    {
                        var z = geometry.VoxelCentre(i, j, k).Z;
                        lowest = Math.Min(lowest, z);
                        highest = Math.Max(highest, z);
                    }
                }
            }
        }

        var centre = SliceFigureLayout.DefaultCentre(geometry);
        var count = Columns * Rows;
        return Enumerable.Range(0, count)
            .Select(slice => lowest + (slice + 0.5) / count * (highest - lowest))
            .Select(z => SnapToVoxelPlane(geometry, new Point3(centre.X, centre.Y, z)))
            .ToList();
    }

    /// <summary>Top-left pixel of tile <paramref name="slice"/> (0 = most inferior).</summary>
    public static SKPointI TileOrigin(int slice, SlicePlane plane)
    {
        ArgumentNullException.ThrowIfNull(plane);
        var column = slice % Columns;
        var row = slice / Columns;
        return new SKPointI(SliceFigureLayout.Margin + column * (plane.Width + Gap),
            SliceFigureLayout.Margin + TileTitle + row * (plane.Height + TileTitle + Gap));
    }

    public static IReadOnlyList<SlicePlane> Planes(BrainAtlas atlas)
    {
        ArgumentNullException.ThrowIfNull(atlas);
        var centre = SliceFigureLayout.DefaultCentre(atlas.Geometry);
        return SlicePositions(atlas)
            .Select(z => SlicePlane.Through(atlas.Geometry, SliceView.Axial, new Point3(centre.X, centre.Y, z), PixelsPerMm))
            .ToList();
    }

    public static byte[] Render(Volume z, BrainAtlas atlas, UiLanguage language)
    {
        var planes = Planes(atlas);
        var colours = ColourMaps.ZScore;
        var first = planes[0];
        var tilesRight = TileOrigin(Columns - 1, first).X + first.Width;
        var tilesBottom = TileOrigin(planes.Count - 1, first).Y + first.Height;
        var width = tilesRight + SliceFigureLayout.BarArea;
        var height = tilesBottom + SliceFigureLayout.LegendHeight;
        return Png.Draw(width, height, FigureStyle.Background, canvas =>
        {
            using var title = FigureFonts.Font(language, FigureStyle.SmallSize);
            for (var slice = 0; slice < planes.Count; slice++)
            {
                var plane = planes[slice];
                var origin = TileOrigin(slice, plane);
                using (var image = SliceImage.Render(plane, z, colours, atlas, maskOutsideBrain: true, OutlineMode.Regions))
                {
                    canvas.DrawBitmap(image, origin.X, origin.Y, new SKSamplingOptions(SKFilterMode.Nearest), null);
                }

                FigureText.Draw(canvas, FigureText.Format("figure.position", language, plane.FixedAxisName, plane.FixedCoordinate),
                    origin.X, origin.Y - 5, SKTextAlign.Left, title, FigureStyle.Text);
                SliceFigure.DrawLetters(canvas, plane, origin, language, FigureStyle.SmallSize);
            }

            var barTop = SliceFigureLayout.Margin + TileTitle + 24;
            ColourBar.Draw(canvas, colours, new SKRectI(tilesRight + 16, barTop, tilesRight + 16 + ColourBar.BarWidth, tilesBottom - 8),
                language, FigureStyle.Text);
            var baseline = tilesBottom + 18;
            foreach (var key in new[] { "figure.convention", "figure.outlines" })
            {
                FigureText.Draw(canvas, UiText.Get(key, language), SliceFigureLayout.Margin, baseline, SKTextAlign.Left, title, FigureStyle.Text);
                baseline += 16;
            }
        });
    }

    private static double SnapToVoxelPlane(VolumeGeometry geometry, Point3 world)
    {
        var voxel = geometry.WorldToVoxel.Apply(world);
        var k = Math.Clamp((int)Math.Round(voxel.Z), 0, geometry.Nz - 1);
        return geometry.VoxelToWorld.Apply(new Point3(voxel.X, voxel.Y, k)).Z;
    }
}
