using AmpaCds.Imaging.Geometry;

namespace AmpaCds.Imaging.Filtering;

/// <summary>Trilinear resampling of a volume onto another grid through a world-space transform.</summary>
public static class Resampler
{
    /// <summary>
    /// For every target voxel centre p (world), the result is source(<paramref name="targetWorldToSourceWorld"/>(p)).
    /// Target voxels that map outside the source field of view get <paramref name="outsideValue"/>.
    /// Smooth first (<see cref="GaussianFilter"/>) when the target grid is much coarser, to avoid aliasing.
    /// </summary>
    public static Volume Resample(Volume source, Affine targetWorldToSourceWorld, VolumeGeometry target, float outsideValue = 0f)
    {
        ArgumentNullException.ThrowIfNull(source);
        ArgumentNullException.ThrowIfNull(targetWorldToSourceWorld);
        ArgumentNullException.ThrowIfNull(target);

        // One affine from target voxel indices to source voxel indices; stepping along a row is then one addition.
        Affine toSourceVoxel = source.Geometry.WorldToVoxel * targetWorldToSourceWorld * target.VoxelToWorld;
        Point3 stepX = toSourceVoxel.LinearColumn(0);
        float[] src = source.Data;
        int snx = source.Nx, sny = source.Ny, snz = source.Nz;
        int nx = target.Nx, ny = target.Ny;
        var result = GC.AllocateUninitializedArray<float>(target.VoxelCount); // every voxel is written below
        Parallel.For(0, ny * target.Nz, line =>
        {
            int j = line % ny, k = line / ny;
            Point3 start = toSourceVoxel.Apply(new Point3(0, j, k));
            int rowStart = line * nx;
            for (int i = 0; i < nx; i++)
            {
                float value = Trilinear.Sample(src, snx, sny, snz, start.X + i * stepX.X, start.Y + i * stepX.Y, start.Z + i * stepX.Z, out bool inside);
                result[rowStart + i] = inside ? value : outsideValue;
            }
        });
        return new Volume(target, result);
    }

    /// <summary>Resamples onto another grid that shares the same world space (no motion).</summary>
    public static Volume Resample(Volume source, VolumeGeometry target, float outsideValue = 0f) =>
        Resample(source, Affine.Identity, target, outsideValue);
}
