using System.Runtime.CompilerServices;

namespace AmpaCds.Imaging.Filtering;

/// <summary>
/// Trilinear interpolation in voxel coordinates. A point is inside when every coordinate lies within
/// [-0.5, N - 0.5], i.e. within the physical extent of the outer voxels; between the outer centre and that
/// border the edge value is held (clamped), which avoids shrinking the field of view by half a voxel.
/// </summary>
public static class Trilinear
{
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static float Sample(float[] data, int nx, int ny, int nz, double x, double y, double z, out bool inside)
    {
        inside = x >= -0.5 && y >= -0.5 && z >= -0.5 && x <= nx - 0.5 && y <= ny - 0.5 && z <= nz - 0.5;
        if (!inside)
        {
            return 0f;
        }

        Weights(x, nx, out int x0, out int x1, out double fx);
        Weights(y, ny, out int y0, out int y1, out double fy);
        Weights(z, nz, out int z0, out int z1, out double fz);
        int plane = nx * ny;
        int r00 = nx * y0 + plane * z0, r10 = nx * y1 + plane * z0, r01 = nx * y0 + plane * z1, r11 = nx * y1 + plane * z1;
        double c00 = data[r00 + x0] + fx * (data[r00 + x1] - data[r00 + x0]);
        double c10 = data[r10 + x0] + fx * (data[r10 + x1] - data[r10 + x0]);
        double c01 = data[r01 + x0] + fx * (data[r01 + x1] - data[r01 + x0]);
        double c11 = data[r11 + x0] + fx * (data[r11 + x1] - data[r11 + x0]);
        double c0 = c00 + fy * (c10 - c00);
        double c1 = c01 + fy * (c11 - c01);
        return (float)(c0 + fz * (c1 - c0));
    }

    /// <summary>Neighbour indices and fraction along one axis, clamped so edge values are held near the border.</summary>
    private static void Weights(double coordinate, int n, out int lower, out int upper, out double fraction)
    {
        if (coordinate <= 0)
        {
            lower = 0;
            upper = 0;
            fraction = 0;
            return;
        }

        if (coordinate >= n - 1)
        {
            lower = n - 1;
            upper = n - 1;
            fraction = 0;
            return;
        }

        lower = (int)coordinate;
        upper = lower + 1;
        fraction = coordinate - lower;
    }
}
