using AmpaCds.Imaging.Geometry;

namespace AmpaCds.Reporting.Figures;

/// <summary>
/// Nearest-voxel lookup by world position. Figures show voxels as measured (no interpolation), so a colour on the page
/// is a value that exists in the map.
/// </summary>
public static class VoxelLookup
{
    /// <summary>Index of the voxel containing <paramref name="world"/>, or -1 outside the grid.</summary>
    public static int IndexAt(VolumeGeometry grid, Point3 world)
    {
        ArgumentNullException.ThrowIfNull(grid);
        var voxel = grid.WorldToVoxel.Apply(world);
        var i = (int)Math.Floor(voxel.X + 0.5);
        var j = (int)Math.Floor(voxel.Y + 0.5);
        var k = (int)Math.Floor(voxel.Z + 0.5);
        return i < 0 || j < 0 || k < 0 || i >= grid.Nx || j >= grid.Ny || k >= grid.Nz ? -1 : grid.Index(i, j, k);
    }

    /// <summary>The value at <paramref name="world"/>; NaN outside the volume.</summary>
    public static double ValueAt(Volume volume, Point3 world)
    {
        ArgumentNullException.ThrowIfNull(volume);
        var index = IndexAt(volume.Geometry, world);
        return index < 0 ? double.NaN : volume.Data[index];
    }
}
