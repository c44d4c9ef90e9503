namespace AmpaCds.Imaging.Geometry;

/// <summary>
/// A voxel grid: dimensions plus the transform from voxel indices (i, j, k) to world (LPS mm).
/// Voxel (i, j, k) is stored at index i + Nx * (j + Ny * k); integer indices address voxel centres.
/// </summary>
public sealed class VolumeGeometry
{
    public VolumeGeometry(int nx, int ny, int nz, Affine voxelToWorld)
    {
        ArgumentNullException.ThrowIfNull(voxelToWorld);
        if (nx <= 0 || ny <= 0 || nz <= 0)
        {
            throw new ArgumentOutOfRangeException(nameof(nx), "Volume dimensions must be positive.");
        }

        if ((long)nx * ny * nz > Array.MaxLength)
        {
            throw new ArgumentOutOfRangeException(nameof(nx), "Volume is too large for a single array.");
        }

        Nx = nx;
        Ny = ny;
        Nz = nz;
        VoxelToWorld = voxelToWorld;
        WorldToVoxel = voxelToWorld.Inverse();
    }

    public int Nx { get; }

    public int Ny { get; }

    public int Nz { get; }

    public Affine VoxelToWorld { get; }

    public Affine WorldToVoxel { get; }

    public int VoxelCount => Nx * Ny * Nz;

    /// <summary>Voxel edge lengths in mm along the i, j, k axes.</summary>
    public Point3 Spacing => new(
        VoxelToWorld.LinearColumn(0).Length,
        VoxelToWorld.LinearColumn(1).Length,
        VoxelToWorld.LinearColumn(2).Length);

    /// <summary>Voxel volume in millilitres (1 ml = 1000 mm³).</summary>
    public double VoxelVolumeMl => Math.Abs(VoxelToWorld.Determinant) / 1000.0;

    public int Index(int i, int j, int k) => i + Nx * (j + Ny * k);

    public Point3 VoxelCentre(int i, int j, int k) => VoxelToWorld.Apply(new Point3(i, j, k));

    /// <summary>World position of the grid centre (midpoint between the first and last voxel centres).</summary>
    public Point3 Centre => VoxelToWorld.Apply(new Point3((Nx - 1) / 2.0, (Ny - 1) / 2.0, (Nz - 1) / 2.0));

    /// <summary>
    /// A regular grid with axes aligned to world x, y, z, isotropic or not, whose centre sits at <paramref name="centre"/>.
    /// </summary>
    public static VolumeGeometry Centred(int nx, int ny, int nz, Point3 spacing, Point3 centre)
    {
        var origin = new Point3(
            centre.X - (nx - 1) / 2.0 * spacing.X,
            centre.Y - (ny - 1) / 2.0 * spacing.Y,
            centre.Z - (nz - 1) / 2.0 * spacing.Z);
        return new VolumeGeometry(nx, ny, nz, Affine.FromColumns(new(spacing.X, 0, 0), new(0, spacing.Y, 0), new(0, 0, spacing.Z), origin));
    }

    public bool SameGridAs(VolumeGeometry other, double tolerance = 1e-6)
    {
        ArgumentNullException.ThrowIfNull(other);
        return Nx == other.Nx && Ny == other.Ny && Nz == other.Nz && VoxelToWorld.ApproximatelyEquals(other.VoxelToWorld, tolerance);
    }

    public override string ToString() => $"{Nx}x{Ny}x{Nz} voxels, spacing {Spacing} mm";
}
