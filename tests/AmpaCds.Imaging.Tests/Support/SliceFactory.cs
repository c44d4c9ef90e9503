using AmpaCds.Imaging.Assembly;
using AmpaCds.Imaging.Geometry;
using AmpaCds.Imaging;

namespace AmpaCds.Imaging.Tests.Support;

/// <summary>Builds synthetic slice stacks whose pixel values encode (column, row, slice) so ordering mistakes are visible.</summary>
internal static class SliceFactory
{
    public static float Encode(int column, int row, int slice) => column + 100 * row + 10000 * slice;

    public static List<SliceImage> Stack(
        int rows,
        int columns,
        int count,
        Point3 firstPosition,
        Point3 rowDirection,
        Point3 columnDirection,
        double rowSpacing,
        double columnSpacing,
        double sliceSpacing)
    {
        Point3 normal = rowDirection.Cross(columnDirection);
        double[] iop = [rowDirection.X, rowDirection.Y, rowDirection.Z, columnDirection.X, columnDirection.Y, columnDirection.Z];
        var slices = new List<SliceImage>();
        for (int s = 0; s < count; s++)
        {
            var values = new float[rows * columns];
            for (int r = 0; r < rows; r++)
            {
                for (int c = 0; c < columns; c++)
                {
                    values[c + columns * r] = Encode(c, r, s);
                }
            }

            slices.Add(new SliceImage(rows, columns, values, firstPosition + normal * (s * sliceSpacing), iop, rowSpacing, columnSpacing, $"1.2.3.{s}", count - s));
        }

        return slices;
    }

    public static List<SliceImage> Axial(int count = 6, double sliceSpacing = 3.27) =>
        Stack(4, 5, count, new Point3(-100, -80, -40), new Point3(1, 0, 0), new Point3(0, 1, 0), 2.0, 2.5, sliceSpacing);

    public static List<SliceImage> Shuffle(List<SliceImage> slices, int seed)
    {
        var copy = new List<SliceImage>(slices);
        var random = new Random(seed);
        for (int i = copy.Count - 1; i > 0; i--)
        {
            int j = random.Next(i + 1);
            (copy[i], copy[j]) = (copy[j], copy[i]);
        }

        return copy;
    }
}
