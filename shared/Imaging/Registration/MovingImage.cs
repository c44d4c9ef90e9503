using System.Runtime.CompilerServices;
using AmpaCds.Imaging.Geometry;

namespace AmpaCds.Imaging.Registration;

/// <summary>
/// The (smoothed) PET image with its world-space gradient interleaved per voxel as [value, gx, gy, gz], so one
/// trilinear lookup fetches everything the Gauss-Newton step needs from adjacent memory.
/// </summary>
internal sealed class MovingImage
{
    private readonly float[] _packed;
    private readonly int _nx, _ny, _nz;

    public MovingImage(Volume smoothed)
    {
        Geometry = smoothed.Geometry;
        _nx = smoothed.Nx;
        _ny = smoothed.Ny;
        _nz = smoothed.Nz;
        _packed = new float[4 * smoothed.Data.Length];

        // World gradient = L^-T · voxel gradient, where L is the linear part of voxel-to-world.
        Affine w2v = Geometry.WorldToVoxel;
        double[,] m = w2v.Linear();
        float[] data = smoothed.Data;
        int nx = _nx, ny = _ny, nz = _nz;
        Parallel.For(0, nz, k =>
        {
            for (int j = 0; j < ny; j++)
            {
                for (int i = 0; i < nx; i++)
                {
                    int index = i + nx * (j + ny * k);
                    double di = Difference(data, index, i, nx, 1);
                    double dj = Difference(data, index, j, ny, nx);
                    double dk = Difference(data, index, k, nz, nx * ny);
                    int p = 4 * index;
                    _packed[p] = data[index];
                    _packed[p + 1] = (float)(m[0, 0] * di + m[1, 0] * dj + m[2, 0] * dk);
                    _packed[p + 2] = (float)(m[0, 1] * di + m[1, 1] * dj + m[2, 1] * dk);
                    _packed[p + 3] = (float)(m[0, 2] * di + m[1, 2] * dj + m[2, 2] * dk);
                }
            }
        });
    }

    public VolumeGeometry Geometry { get; }

    /// <summary>Trilinear value and world gradient at voxel coordinates; false (and zeros) outside the field of view.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public bool Sample(double x, double y, double z, out float value, out float gx, out float gy, out float gz)
    {
        if (!(x >= 0 && y >= 0 && z >= 0 && x < _nx - 1 && y < _ny - 1 && z < _nz - 1))
        {
            value = gx = gy = gz = 0;
            return false;
        }

        int x0 = (int)x, y0 = (int)y, z0 = (int)z;
        float fx = (float)(x - x0), fy = (float)(y - y0), fz = (float)(z - z0);
        int b = 4 * (x0 + _nx * (y0 + _ny * z0));
        int sy = 4 * _nx, sz = 4 * _nx * _ny;
        float w000 = (1 - fx) * (1 - fy) * (1 - fz), w100 = fx * (1 - fy) * (1 - fz);
        float w010 = (1 - fx) * fy * (1 - fz), w110 = fx * fy * (1 - fz);
        float w001 = (1 - fx) * (1 - fy) * fz, w101 = fx * (1 - fy) * fz;
        float w011 = (1 - fx) * fy * fz, w111 = fx * fy * fz;
        float[] d = _packed;
        int c000 = b, c100 = b + 4, c010 = b + sy, c110 = b + sy + 4, c001 = b + sz, c101 = b + sz + 4, c011 = b + sy + sz, c111 = b + sy + sz + 4;
        value = w000 * d[c000] + w100 * d[c100] + w010 * d[c010] + w110 * d[c110] + w001 * d[c001] + w101 * d[c101] + w011 * d[c011] + w111 * d[c111];
        gx = w000 * d[c000 + 1] + w100 * d[c100 + 1] + w010 * d[c010 + 1] + w110 * d[c110 + 1] + w001 * d[c001 + 1] + w101 * d[c101 + 1] + w011 * d[c011 + 1] + w111 * d[c111 + 1];
        gy = w000 * d[c000 + 2] + w100 * d[c100 + 2] + w010 * d[c010 + 2] + w110 * d[c110 + 2] + w001 * d[c001 + 2] + w101 * d[c101 + 2] + w011 * d[c011 + 2] + w111 * d[c111 + 2];
        gz = w000 * d[c000 + 3] + w100 * d[c100 + 3] + w010 * d[c010 + 3] + w110 * d[c110 + 3] + w001 * d[c001 + 3] + w101 * d[c101 + 3] + w011 * d[c011 + 3] + w111 * d[c111 + 3];
        return true;
    }

    /// <summary>Central difference per voxel step (one-sided at the borders).</summary>
    private static double Difference(float[] data, int index, int position, int length, int stride)
    {
        if (length < 2)
        {
            return 0;
        }

        if (position == 0)
        {
            return data[index + stride] - data[index];
        }

        if (position == length - 1)
        {
            return data[index] - data[index - stride];
        }

        return 0.5 * (data[index + stride] - data[index - stride]);
    }
}
