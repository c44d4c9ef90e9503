using AmpaCds.Imaging.Geometry;

namespace AmpaCds.Imaging.Registration;

/// <summary>Reads scale factors out of an affine for plausibility checks.</summary>
public static class AffineDecomposition
{
    /// <summary>
    /// Scale factors along the x, y, z input axes: the diagonal of the upper-triangular factor of a QR (Gram-Schmidt)
    /// decomposition of the linear part, i.e. linear = rotation · upper-triangular(scales on the diagonal, shears above).
    /// </summary>
    public static Point3 Scales(Affine transform)
    {
        ArgumentNullException.ThrowIfNull(transform);
        Point3 c0 = transform.LinearColumn(0), c1 = transform.LinearColumn(1), c2 = transform.LinearColumn(2);
        double s0 = c0.Length;
        Point3 q0 = c0 / s0;
        Point3 r1 = c1 - q0 * q0.Dot(c1);
        double s1 = r1.Length;
        Point3 q1 = r1 / s1;
        Point3 r2 = c2 - q0 * q0.Dot(c2) - q1 * q1.Dot(c2);
        return new Point3(s0, s1, r2.Length);
    }
}
