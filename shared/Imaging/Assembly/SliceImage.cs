using AmpaCds.Imaging.Geometry;

namespace AmpaCds.Imaging.Assembly;

/// <summary>
/// One reconstructed slice, already rescaled to activity, as decoded from DICOM by the caller.
/// </summary>
/// <param name="Values">Row-major pixels: index = column + Columns * row.</param>
/// <param name="ImagePositionPatient">World (LPS mm) centre of the first transmitted pixel.</param>
/// <param name="ImageOrientationPatient">Six direction cosines: the row direction (increasing column index) then the column direction (increasing row index).</param>
/// <param name="RowSpacing">DICOM PixelSpacing[0]: distance between adjacent rows, mm.</param>
/// <param name="ColumnSpacing">DICOM PixelSpacing[1]: distance between adjacent columns, mm.</param>
public sealed record SliceImage(
    int Rows,
    int Columns,
    float[] Values,
    Point3 ImagePositionPatient,
    double[] ImageOrientationPatient,
    double RowSpacing,
    double ColumnSpacing,
    string? SopInstanceUid = null,
    int? InstanceNumber = null)
{
    /// <summary>Frame reference time (DICOM 0054,1300) for dynamic series, ms.</summary>
    public double? FrameReferenceTimeMs { get; init; }

    /// <summary>Actual frame duration (DICOM 0018,1242) for dynamic series, ms.</summary>
    public double? FrameDurationMs { get; init; }

    public Point3 RowDirection => new(ImageOrientationPatient[0], ImageOrientationPatient[1], ImageOrientationPatient[2]);

    public Point3 ColumnDirection => new(ImageOrientationPatient[3], ImageOrientationPatient[4], ImageOrientationPatient[5]);
}
