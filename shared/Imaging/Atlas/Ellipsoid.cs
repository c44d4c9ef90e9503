using AmpaCds.Imaging.Geometry;

namespace AmpaCds.Imaging.Atlas;

/// <summary>Axis-aligned ellipsoid used to draw the built-in atlas; <see cref="Mirrored"/> makes it bilateral.</summary>
internal readonly record struct Ellipsoid(Point3 Centre, Point3 SemiAxes, bool Mirrored = false)
{
    public static Ellipsoid Sphere(Point3 centre, double radius, bool mirrored) => new(centre, new Point3(radius, radius, radius), mirrored);

    public bool Contains(Point3 p)
    {
        // Mirroring about the mid-sagittal plane (x = 0) gives the left and right copies of one structure.
        double x = Mirrored ? Math.Abs(p.X) : p.X;
        double dx = (x - Centre.X) / SemiAxes.X, dy = (p.Y - Centre.Y) / SemiAxes.Y, dz = (p.Z - Centre.Z) / SemiAxes.Z;
        return dx * dx + dy * dy + dz * dz <= 1.0 + 1e-9;
    }
}
