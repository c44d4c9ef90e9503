using AmpaCds.Imaging.Geometry;

namespace AmpaCds.Imaging.Assembly;

/// <summary>
/// Stacks decoded slices into a <see cref="Volume"/>. Slices are ordered by their position along the slice normal
/// (row direction × column direction), never by list order or InstanceNumber, which scanners do not guarantee.
/// Voxel x = column, y = row, z = slice (ascending along the normal).
/// </summary>
public static class VolumeAssembler
{
    /// <summary>Slice gaps may deviate from the nominal gap by 1 % or 0.01 mm, whichever is larger.</summary>
    private const double GapRelativeTolerance = 0.01;

    private const double GapAbsoluteToleranceMm = 0.01;

    public static Volume Assemble(IReadOnlyList<SliceImage> slices)
    {
        ArgumentNullException.ThrowIfNull(slices);
        if (slices.Count == 0)
        {
            throw Fail(VolumeAssemblyFailure.NoSlices, "No slices were supplied.");
        }

        if (slices.Count < 2)
        {
            throw Fail(VolumeAssemblyFailure.TooFewSlices, "At least two slices are needed to know the slice spacing.");
        }

        SliceImage first = slices[0];
        Point3 rowDirection, columnDirection;
        (rowDirection, columnDirection) = SliceConsistency.CheckOrientation(first);
        Point3 normal = rowDirection.Cross(columnDirection);
        SliceConsistency.CheckSpacing(first);
        foreach (SliceImage slice in slices)
        {
            SliceConsistency.CheckMatchesFirst(slice, first);
        }

        var sorted = new SliceImage[slices.Count];
        var positions = new double[slices.Count];
        for (int s = 0; s < slices.Count; s++)
        {
            sorted[s] = slices[s];
            positions[s] = slices[s].ImagePositionPatient.Dot(normal);
        }

        Array.Sort(positions, sorted);
        Point3 sliceStep = CheckSliceSteps(sorted, positions, normal);

        int nx = first.Columns, ny = first.Rows, nz = sorted.Length;
        var data = new float[nx * ny * nz];
        for (int k = 0; k < nz; k++)
        {
            Array.Copy(sorted[k].Values, 0, data, k * nx * ny, nx * ny);
        }

        var voxelToWorld = Affine.FromColumns(
            rowDirection * first.ColumnSpacing,
            columnDirection * first.RowSpacing,
            sliceStep,
            sorted[0].ImagePositionPatient);
        return new Volume(nx, ny, nz, data, voxelToWorld);
    }

    /// <summary>Checks duplicates, gaps and tilt on the sorted slices and returns the mean step between slices.</summary>
    private static Point3 CheckSliceSteps(SliceImage[] sorted, double[] positions, Point3 normal)
    {
        var gaps = new double[sorted.Length - 1];
        for (int s = 0; s < gaps.Length; s++)
        {
            gaps[s] = positions[s + 1] - positions[s];
            if (gaps[s] < GapAbsoluteToleranceMm)
            {
                throw Fail(VolumeAssemblyFailure.DuplicateSlicePosition, FormattableString.Invariant(
                    $"Two slices share the position {positions[s]:F3} mm along the slice normal (duplicate slice, or several frames mixed together)."));
            }
        }

        // The smallest gap is the nominal spacing: a missing slice can only make a gap larger.
        double nominal = gaps.Min();
        double tolerance = Math.Max(GapAbsoluteToleranceMm, GapRelativeTolerance * nominal);
        for (int s = 0; s < gaps.Length; s++)
        {
            if (Math.Abs(gaps[s] - nominal) <= tolerance)
            {
                continue;
            }

            double ratio = gaps[s] / nominal;
            bool multiple = Math.Abs(ratio - Math.Round(ratio)) * nominal <= tolerance;
            throw multiple
                ? Fail(VolumeAssemblyFailure.MissingSlice, FormattableString.Invariant(
                    $"{Math.Round(ratio) - 1:F0} slice(s) missing after position {positions[s]:F3} mm (gap {gaps[s]:F3} mm, spacing {nominal:F3} mm)."))
                : Fail(VolumeAssemblyFailure.NonUniformSliceSpacing, FormattableString.Invariant(
                    $"Slice gap {gaps[s]:F3} mm after position {positions[s]:F3} mm differs from the spacing {nominal:F3} mm."));
        }

        for (int s = 0; s < gaps.Length; s++)
        {
            Point3 step = sorted[s + 1].ImagePositionPatient - sorted[s].ImagePositionPatient;
            Point3 inPlane = step - normal * step.Dot(normal);
            if (inPlane.Length > tolerance)
            {
                throw Fail(VolumeAssemblyFailure.GantryTilt, FormattableString.Invariant(
                    $"Slice positions move {inPlane.Length:F3} mm within the image plane per slice (gantry tilt or sheared stack); tilted data must be resampled first."));
            }
        }

        return (sorted[^1].ImagePositionPatient - sorted[0].ImagePositionPatient) / (sorted.Length - 1);
    }

    internal static VolumeAssemblyException Fail(VolumeAssemblyFailure reason, string message) => new(reason, message);
}
