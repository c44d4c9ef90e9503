using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;
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
        // Every element is written below.
        _packed = GC.AllocateUninitializedArray<float>(4 * smoothed.Data.Length);

        // World gradient = L^-T · voxel gradient, where L is the linear part of voxel-to-world.
        double[,] m = Geometry.WorldToVoxel.Linear();
        float[] data = smoothed.Data, packed = _packed;
        int nx = _nx, ny = _ny, nz = _nz;
        Parallel.For(0, nz, k => PackPlane(data, packed, m, k, nx, ny, nz));
    }

    public VolumeGeometry Geometry { get; }

    /// <summary>Trilinear value and world gradient at voxel coordinates; false (and zeros) outside the field of view.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public bool Sample(double x, double y, double z, out float value, out float gx, out float gy, out float gz)
    {
        bool inside = Sample(x, y, z, out Vector128<float> sample);
        value = sample.GetElement(0);
        gx = sample.GetElement(1);
        gy = sample.GetElement(2);
        gz = sample.GetElement(3);
        return inside;
    }

    /// <summary>
    /// The same as one vector [value, gx, gy, gz]: the eight corners are weighted and added in one order for all four lanes,
    /// as the scalar sums were. The range check keeps every corner inside the array, so loads go unchecked.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public bool Sample(double x, double y, double z, out Vector128<float> sample)
    {
        if (!(x >= 0 && y >= 0 && z >= 0 && x < _nx - 1 && y < _ny - 1 && z < _nz - 1))
        {
            sample = Vector128<float>.Zero;
            return false;
        }

        int x0 = (int)x, y0 = (int)y, z0 = (int)z;
        float fx = (float)(x - x0), fy = (float)(y - y0), fz = (float)(z - z0);
        nuint b = (nuint)(4 * (x0 + _nx * (y0 + _ny * z0)));
        nuint sy = (nuint)(4 * _nx), sz = (nuint)(4 * _nx * _ny);
        float w000 = (1 - fx) * (1 - fy) * (1 - fz), w100 = fx * (1 - fy) * (1 - fz);
        float w010 = (1 - fx) * fy * (1 - fz), w110 = fx * fy * (1 - fz);
        float w001 = (1 - fx) * (1 - fy) * fz, w101 = fx * (1 - fy) * fz;
        float w011 = (1 - fx) * fy * fz, w111 = fx * fy * fz;
        ref float d = ref MemoryMarshal.GetArrayDataReference(_packed);
        sample = Vector128.Create(w000) * Vector128.LoadUnsafe(ref d, b)
            + Vector128.Create(w100) * Vector128.LoadUnsafe(ref d, b + 4)
            + Vector128.Create(w010) * Vector128.LoadUnsafe(ref d, b + sy)
            + Vector128.Create(w110) * Vector128.LoadUnsafe(ref d, b + sy + 4)
            + Vector128.Create(w001) * Vector128.LoadUnsafe(ref d, b + sz)
            + Vector128.Create(w101) * Vector128.LoadUnsafe(ref d, b + sz + 4)
            + Vector128.Create(w011) * Vector128.LoadUnsafe(ref d, b + sy + sz)
            + Vector128.Create(w111) * Vector128.LoadUnsafe(ref d, b + sy + sz + 4);
        return true;
    }

    /// <summary>Plane k: the value and its world gradient per voxel; interior voxels skip the border cases of <see cref="Difference"/>.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static void PackPlane(float[] data, float[] packed, double[,] m, int k, int nx, int ny, int nz)
    {
        double m00 = m[0, 0], m01 = m[0, 1], m02 = m[0, 2], m10 = m[1, 0], m11 = m[1, 1], m12 = m[1, 2], m20 = m[2, 0], m21 = m[2, 1], m22 = m[2, 2];
        int plane = nx * ny;
        for (int j = 0; j < ny; j++)
        {
            bool inner = j > 0 && j < ny - 1 && k > 0 && k < nz - 1;
            for (int i = 0; i < nx; i++)
            {
                int index = i + nx * (j + ny * k);
                double di, dj, dk;
                if (inner && i > 0 && i < nx - 1)
                {
                    di = 0.5 * (data[index + 1] - data[index - 1]);
                    dj = 0.5 * (data[index + nx] - data[index - nx]);
                    dk = 0.5 * (data[index + plane] - data[index - plane]);
                }
                else
                {
                    di = Difference(data, index, i, nx, 1);
                    dj = Difference(data, index, j, ny, nx);
                    dk = Difference(data, index, k, nz, plane);
                }

                int p = 4 * index;
                packed[p] = data[index];
                packed[p + 1] = (float)(m00 * di + m10 * dj + m20 * dk);
                packed[p + 2] = (float)(m01 * di + m11 * dj + m21 * dk);
                packed[p + 3] = (float)(m02 * di + m12 * dj + m22 * dk);
            }
        }
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
