using AmpaCds.Imaging.Filtering;

namespace AmpaCds.Imaging.Geometry;

/// <summary>
/// A scalar image on a <see cref="VolumeGeometry"/>. <see cref="Data"/> is exposed as a plain array on purpose:
/// the numerical code works on it directly, and callers own it (no defensive copies on hot paths).
/// </summary>
public sealed class Volume
{
    public Volume(VolumeGeometry geometry, float[] data)
    {
        ArgumentNullException.ThrowIfNull(geometry);
        ArgumentNullException.ThrowIfNull(data);
        if (data.Length != geometry.VoxelCount)
        {
            throw new ArgumentException($"Data has {data.Length} values but the grid has {geometry.VoxelCount} voxels.", nameof(data));
        }

        Geometry = geometry;
        Data = data;
    }

    public Volume(int nx, int ny, int nz, float[] data, Affine voxelToWorld)
        : this(new VolumeGeometry(nx, ny, nz, voxelToWorld), data)
    {
    }

    /// <summary>A zero-filled volume on the given grid.</summary>
    public static Volume Zeros(VolumeGeometry geometry)
    {
        ArgumentNullException.ThrowIfNull(geometry);
        return new Volume(geometry, new float[geometry.VoxelCount]);
    }

    public VolumeGeometry Geometry { get; }

    public float[] Data { get; }

    public int Nx => Geometry.Nx;

    public int Ny => Geometry.Ny;

    public int Nz => Geometry.Nz;

    public Affine VoxelToWorld => Geometry.VoxelToWorld;

    public Point3 Spacing => Geometry.Spacing;

    public double VoxelVolumeMl => Geometry.VoxelVolumeMl;

    public float this[int i, int j, int k]
    {
        get => Data[Geometry.Index(i, j, k)];
        set => Data[Geometry.Index(i, j, k)] = value;
    }

    public Volume Clone() => new(Geometry, (float[])Data.Clone());

    /// <summary>A copy with every voxel multiplied by <paramref name="factor"/> (unit conversions such as Bq/mL to SUV).</summary>
    public Volume Scaled(double factor)
    {
        var data = GC.AllocateUninitializedArray<float>(Data.Length);
        var f = (float)factor;
        for (var index = 0; index < data.Length; index++)
        {
            data[index] = Data[index] * f;
        }
        return new Volume(Geometry, data);
    }

    /// <summary>
    /// Trilinear value at a world point. The field of view extends half a voxel beyond the outer voxel centres
    /// (edge values are held there); farther out the result is <see cref="double.NaN"/>, so callers can tell
    /// "outside the scan" from a true zero.
    /// </summary>
    public double Sample(Point3 world)
    {
        Point3 v = Geometry.WorldToVoxel.Apply(world);
        float value = Trilinear.Sample(Data, Nx, Ny, Nz, v.X, v.Y, v.Z, out bool inside);
        return inside ? value : double.NaN;
    }

    public double Sum()
    {
        double sum = 0;
        foreach (float value in Data)
        {
            sum += value;
        }

        return sum;
    }

    public double Mean() => Sum() / Data.Length;

    public float Max()
    {
        float max = float.NegativeInfinity;
        foreach (float value in Data)
        {
            max = Math.Max(max, value);
        }

        return max;
    }

    public float Min()
    {
        float min = float.PositiveInfinity;
        foreach (float value in Data)
        {
            min = Math.Min(min, value);
        }

        return min;
    }

    /// <summary>Intensity-weighted centre of mass in world mm over positive voxels (negative noise is ignored).</summary>
    public Point3 CentreOfMass()
    {
        double sx = 0, sy = 0, sz = 0, total = 0;
        for (int k = 0; k < Nz; k++)
        {
            for (int j = 0; j < Ny; j++)
            {
                int row = Nx * (j + Ny * k);
                for (int i = 0; i < Nx; i++)
                {
                    float w = Data[row + i];
                    if (w > 0)
                    {
                        sx += w * i;
                        sy += w * j;
                        sz += w * k;
                        total += w;
                    }
                }
            }
        }

        return total > 0 ? VoxelToWorld.Apply(new Point3(sx / total, sy / total, sz / total)) : Geometry.Centre;
    }

    public override string ToString() => $"Volume {Geometry}";
}
