using AmpaCds.Imaging.Geometry;

namespace AmpaCds.Imaging.Registration;

/// <summary>
/// Template sample points of one pyramid level: positions relative to <see cref="Centre"/> (keeps the affine
/// parameters well conditioned) and the smoothed template value there. Structure-of-arrays for the hot loop.
/// </summary>
internal sealed class FixedSamples
{
    private FixedSamples(float[] x, float[] y, float[] z, float[] value, Point3 centre)
    {
        X = x;
        Y = y;
        Z = z;
        Value = value;
        Centre = centre;
    }

    public float[] X { get; }

    public float[] Y { get; }

    public float[] Z { get; }

    public float[] Value { get; }

    public Point3 Centre { get; }

    public int Count => Value.Length;

    /// <summary>Keeps the voxels of <paramref name="image"/> above <paramref name="threshold"/>, positioned relative to <paramref name="centre"/>.</summary>
    public static FixedSamples FromImage(Volume image, float threshold, Point3 centre) => FromMasked(image, image, threshold, centre);

    /// <summary>Voxels where <paramref name="selector"/> exceeds <paramref name="threshold"/>, valued from <paramref name="values"/> (same grid).</summary>
    public static FixedSamples FromMasked(Volume values, Volume selector, float threshold, Point3 centre)
    {
        int count = 0;
        foreach (float v in selector.Data)
        {
            if (v > threshold)
            {
                count++;
            }
        }

        var x = new float[count];
        var y = new float[count];
        var z = new float[count];
        var value = new float[count];
        int n = 0;
        VolumeGeometry grid = selector.Geometry;
        for (int k = 0; k < grid.Nz; k++)
        {
            for (int j = 0; j < grid.Ny; j++)
            {
                for (int i = 0; i < grid.Nx; i++)
                {
                    int index = grid.Index(i, j, k);
                    if (selector.Data[index] > threshold)
                    {
                        Point3 p = grid.VoxelCentre(i, j, k) - centre;
                        x[n] = (float)p.X;
                        y[n] = (float)p.Y;
                        z[n] = (float)p.Z;
                        value[n] = values.Data[index];
                        n++;
                    }
                }
            }
        }

        return new FixedSamples(x, y, z, value, centre);
    }
}
