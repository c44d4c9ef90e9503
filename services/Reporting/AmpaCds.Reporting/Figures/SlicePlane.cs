using AmpaCds.Imaging.Geometry;

namespace AmpaCds.Reporting.Figures;

/// <summary>
/// Where each pixel of one slice view lies in template (LPS) space. Views follow the RADIOLOGICAL convention: the
/// patient's right is on the viewer's left (axial seen from the feet, coronal seen from the front); sagittal views have
/// anterior on the left. Superior is always up and anterior up in axial views. Pixels are square in millimetres, so the
/// aspect ratio follows the voxel size of any grid.
/// </summary>
public sealed class SlicePlane
{
    private readonly int _horizontalAxis;
    private readonly int _verticalAxis;
    private readonly int _fixedAxis;
    private readonly double _horizontalStart;
    private readonly double _horizontalStep;
    private readonly double _verticalStart;
    private readonly double _verticalStep;

    private SlicePlane(SliceView view, int horizontalAxis, double horizontalStart, double horizontalStep, int verticalAxis, double verticalStart,
        double verticalStep, int fixedAxis, double fixedCoordinate, int width, int height)
    {
        View = view;
        _horizontalAxis = horizontalAxis;
        _horizontalStart = horizontalStart;
        _horizontalStep = horizontalStep;
        _verticalAxis = verticalAxis;
        _verticalStart = verticalStart;
        _verticalStep = verticalStep;
        _fixedAxis = fixedAxis;
        FixedCoordinate = fixedCoordinate;
        Width = width;
        Height = height;
    }

    public SliceView View { get; }

    public int Width { get; }

    public int Height { get; }

    /// <summary>World coordinate (mm) of the slice along the axis it cuts: z for axial, y for coronal, x for sagittal.</summary>
    public double FixedCoordinate { get; }

    /// <summary>Name of the LPS axis the slice cuts, as written in its position label.</summary>
    public string FixedAxisName => "xyz"[_fixedAxis].ToString();

    /// <summary>Orientation letters at the left, right, top and bottom edges (LPS: x grows to the left, y to the back, z up).</summary>
    public (string Left, string Right, string Top, string Bottom) Letters => View switch
    {
        SliceView.Axial => ("R", "L", "A", "P"),
        SliceView.Coronal => ("R", "L", "S", "I"),
        _ => ("A", "P", "S", "I"),
    };

    /// <summary>The plane of <paramref name="view"/> through <paramref name="point"/>, covering the whole template grid.</summary>
    public static SlicePlane Through(VolumeGeometry template, SliceView view, Point3 point, float pixelsPerMm)
    {
        ArgumentNullException.ThrowIfNull(template);
        var (minimum, maximum) = Bounds(template);
        var step = 1.0 / pixelsPerMm;

        // Radiological: viewer's left = patient's right = low x; anterior (low y) and superior (high z) first.
        return view switch
        {
            SliceView.Axial => Build(view, 0, minimum.X, maximum.X, step, 1, minimum.Y, maximum.Y, step, 2, point.Z),
            SliceView.Coronal => Build(view, 0, minimum.X, maximum.X, step, 2, maximum.Z, minimum.Z, -step, 1, point.Y),
            _ => Build(view, 1, minimum.Y, maximum.Y, step, 2, maximum.Z, minimum.Z, -step, 0, point.X),
        };
    }

    public Point3 WorldAt(int column, int row)
    {
        Span<double> world = stackalloc double[3];
        world[_horizontalAxis] = _horizontalStart + (column + 0.5) * _horizontalStep;
        world[_verticalAxis] = _verticalStart + (row + 0.5) * _verticalStep;
        world[_fixedAxis] = FixedCoordinate;
        return new Point3(world[0], world[1], world[2]);
    }

    /// <summary>Pixel (column, row) whose centre is nearest to a world point of the plane (tests and annotations).</summary>
    public (int Column, int Row) PixelAt(Point3 world)
    {
        double[] coordinates = [world.X, world.Y, world.Z];
        return ((int)Math.Floor((coordinates[_horizontalAxis] - _horizontalStart) / _horizontalStep),
            (int)Math.Floor((coordinates[_verticalAxis] - _verticalStart) / _verticalStep));
    }

    private static SlicePlane Build(SliceView view, int horizontalAxis, double horizontalFrom, double horizontalTo, double horizontalStep,
        int verticalAxis, double verticalFrom, double verticalTo, double verticalStep, int fixedAxis, double fixedCoordinate)
    {
        var width = (int)Math.Round(Math.Abs(horizontalTo - horizontalFrom) / Math.Abs(horizontalStep));
        var height = (int)Math.Round(Math.Abs(verticalTo - verticalFrom) / Math.Abs(verticalStep));
        return new SlicePlane(view, horizontalAxis, horizontalFrom, horizontalStep, verticalAxis, verticalFrom, verticalStep, fixedAxis,
            fixedCoordinate, width, height);
    }

    /// <summary>World box covered by the grid's voxels (outer voxel edges, not centres).</summary>
    private static (Point3 Minimum, Point3 Maximum) Bounds(VolumeGeometry grid)
    {
        double minX = double.MaxValue, minY = double.MaxValue, minZ = double.MaxValue;
        double maxX = double.MinValue, maxY = double.MinValue, maxZ = double.MinValue;
        foreach (var i in new[] { -0.5, grid.Nx - 0.5 })
        {
            foreach (var j in new[] { -0.5, grid.Ny - 0.5 })
            {
                foreach (var k in new[] { -0.5, grid.Nz - 0.5 })
                {
                    var corner = grid.VoxelToWorld.Apply(new Point3(i, j, k));
                    (minX, maxX) = (Math.Min(minX, corner.X), Math.Max(maxX, corner.X));
                    (minY, maxY) = (Math.Min(minY, corner.Y), Math.Max(maxY, corner.Y));
                    (minZ, maxZ) = (Math.Min(minZ, corner.Z), Math.Max(maxZ, corner.Z));
                }
            }
        }

        return (new Point3(minX, minY, minZ), new Point3(maxX, maxY, maxZ));
    }
}
