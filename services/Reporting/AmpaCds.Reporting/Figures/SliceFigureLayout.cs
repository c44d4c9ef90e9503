using AmpaCds.Imaging.Geometry;
using SkiaSharp;

namespace AmpaCds.Reporting.Figures;

/// <summary>
/// Where the three views, the colour bar and the legend of a slice figure go. Public so tests (and the HTML, for an
/// image map) can find a voxel's pixel: <c>Origins[v] + Planes[v].PixelAt(world)</c>.
/// </summary>
public sealed class SliceFigureLayout
{
    public const int Margin = 12;
    public const int TitleHeight = 26;
    public const int Gap = 18;
    public const int BarArea = 96;
    public const int LegendHeight = 46;

    private SliceFigureLayout(IReadOnlyList<SlicePlane> planes, IReadOnlyList<SKPointI> origins, SKRectI bar, int width, int height)
    {
        Planes = planes;
        Origins = origins;
        Bar = bar;
        Width = width;
        Height = height;
    }

    public IReadOnlyList<SlicePlane> Planes { get; }

    /// <summary>Top-left pixel of each view's image in the figure.</summary>
    public IReadOnlyList<SKPointI> Origins { get; }

    public SKRectI Bar { get; }

    public int Width { get; }

    public int Height { get; }

    /// <summary>The centre voxel of the template grid: a point on voxel centres, so each view shows whole voxels.</summary>
    public static Point3 DefaultCentre(VolumeGeometry template)
    {
        ArgumentNullException.ThrowIfNull(template);
        return template.VoxelCentre(template.Nx / 2, template.Ny / 2, template.Nz / 2);
    }

    public static SliceFigureLayout For(VolumeGeometry template, Point3 centre)
    {
        var planes = new[] { SliceView.Axial, SliceView.Coronal, SliceView.Sagittal }
            .Select(view => SlicePlane.Through(template, view, centre, FigureStyle.PixelsPerMm))
            .ToList();
        var origins = new List<SKPointI>();
        var x = Margin;
        foreach (var plane in planes)
        {
            origins.Add(new SKPointI(x, Margin + TitleHeight));
            x += plane.Width + Gap;
        }

        var imageHeight = planes.Max(plane => plane.Height);
        var top = Margin + TitleHeight;
        var bar = new SKRectI(x + 8, top + 24, x + 8 + ColourBar.BarWidth, top + imageHeight - 8);
        return new SliceFigureLayout(planes, origins, bar, x + BarArea, top + imageHeight + LegendHeight);
    }
}
