namespace AmpaCds.Imaging.Geometry;

/// <summary>
/// A point or vector in double precision. World points are DICOM patient coordinates (LPS, millimetres).
/// Own type rather than System.Numerics.Vector3 because single precision loses sub-micron detail far from the origin.
/// </summary>
public readonly record struct Point3(double X, double Y, double Z)
{
    public static Point3 Zero => new(0, 0, 0);

    public double Length => Math.Sqrt(X * X + Y * Y + Z * Z);

    public double Dot(Point3 other) => X * other.X + Y * other.Y + Z * other.Z;

    public Point3 Cross(Point3 other) => new(
        Y * other.Z - Z * other.Y,
        Z * other.X - X * other.Z,
        X * other.Y - Y * other.X);

    public Point3 Normalized()
    {
        double length = Length;
        if (length == 0)
        {
            throw new InvalidOperationException("Cannot normalise a zero-length vector.");
        }

        return this / length;
    }

    public double DistanceTo(Point3 other) => (this - other).Length;

    public static Point3 operator +(Point3 a, Point3 b) => new(a.X + b.X, a.Y + b.Y, a.Z + b.Z);

    public static Point3 operator -(Point3 a, Point3 b) => new(a.X - b.X, a.Y - b.Y, a.Z - b.Z);

    public static Point3 operator -(Point3 a) => new(-a.X, -a.Y, -a.Z);

    public static Point3 operator *(Point3 a, double s) => new(a.X * s, a.Y * s, a.Z * s);

    public static Point3 operator *(double s, Point3 a) => new(a.X * s, a.Y * s, a.Z * s);

    public static Point3 operator /(Point3 a, double s) => new(a.X / s, a.Y / s, a.Z / s);

    public override string ToString() =>
        FormattableString.Invariant($"({X:G6}, {Y:G6}, {Z:G6})");
}
