using AmpaCds.Imaging.Geometry;

namespace AmpaCds.Imaging.Assembly;

/// <summary>Per-slice checks of <see cref="VolumeAssembler"/>: every slice must share the first slice's grid.</summary>
internal static class SliceConsistency
{
    /// <summary>Direction cosines may differ by this much between slices (rounding in the DICOM strings).</summary>
    private const double OrientationTolerance = 1e-4;

    /// <summary>Relative tolerance on pixel spacing between slices.</summary>
    private const double PixelSpacingRelativeTolerance = 1e-4;

    public static (Point3 Row, Point3 Column) CheckOrientation(SliceImage slice)
    {
        if (slice.ImageOrientationPatient is not { Length: 6 })
        {
            throw VolumeAssembler.Fail(VolumeAssemblyFailure.InvalidOrientation, "ImageOrientationPatient must have six direction cosines.");
        }

        Point3 row = slice.RowDirection, column = slice.ColumnDirection;
        if (Math.Abs(row.Length - 1) > 1e-3 || Math.Abs(column.Length - 1) > 1e-3 || Math.Abs(row.Dot(column)) > 1e-3)
        {
            throw VolumeAssembler.Fail(VolumeAssemblyFailure.InvalidOrientation, $"ImageOrientationPatient is not two orthogonal unit vectors: row {row}, column {column}.");
        }

        // Re-orthonormalise so small rounding in the DICOM strings does not skew the voxel grid.
        Point3 r = row.Normalized();
        Point3 c = (column - r * r.Dot(column)).Normalized();
        return (r, c);
    }

    public static void CheckSpacing(SliceImage slice)
    {
        if (!(slice.RowSpacing > 0) || !(slice.ColumnSpacing > 0) || !double.IsFinite(slice.RowSpacing) || !double.IsFinite(slice.ColumnSpacing))
        {
            throw VolumeAssembler.Fail(VolumeAssemblyFailure.InvalidPixelSpacing, $"Pixel spacing must be positive, got {slice.RowSpacing} x {slice.ColumnSpacing} mm.");
        }
    }

    public static void CheckMatchesFirst(SliceImage slice, SliceImage first)
    {
        string id = slice.SopInstanceUid ?? slice.InstanceNumber?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "?";
        if (slice.Rows != first.Rows || slice.Columns != first.Columns)
        {
            throw VolumeAssembler.Fail(VolumeAssemblyFailure.InconsistentSliceSize, $"Slice {id} is {slice.Rows}x{slice.Columns}, the first slice is {first.Rows}x{first.Columns}.");
        }

        if (slice.Values is null || slice.Values.Length != slice.Rows * slice.Columns || slice.Rows <= 0 || slice.Columns <= 0)
        {
            throw VolumeAssembler.Fail(VolumeAssemblyFailure.InvalidPixelData, $"Slice {id} does not carry Rows x Columns pixel values.");
        }

        if (slice.ImageOrientationPatient is not { Length: 6 })
        {
            throw VolumeAssembler.Fail(VolumeAssemblyFailure.InvalidOrientation, $"Slice {id} has no valid ImageOrientationPatient.");
        }

        for (int i = 0; i < 6; i++)
        {
            if (Math.Abs(slice.ImageOrientationPatient[i] - first.ImageOrientationPatient[i]) > OrientationTolerance)
            {
                throw VolumeAssembler.Fail(VolumeAssemblyFailure.InconsistentOrientation, $"Slice {id} has a different ImageOrientationPatient from the first slice.");
            }
        }

        if (Math.Abs(slice.RowSpacing - first.RowSpacing) > PixelSpacingRelativeTolerance * first.RowSpacing
            || Math.Abs(slice.ColumnSpacing - first.ColumnSpacing) > PixelSpacingRelativeTolerance * first.ColumnSpacing)
        {
            throw VolumeAssembler.Fail(VolumeAssemblyFailure.InconsistentPixelSpacing, $"Slice {id} has pixel spacing {slice.RowSpacing} x {slice.ColumnSpacing} mm, the first slice {first.RowSpacing} x {first.ColumnSpacing} mm.");
        }
    }
}
